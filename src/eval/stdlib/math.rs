//! `math`: CPython's functions over f64 (and 64-bit ints for the integer ones).

use crate::eval::lang::builtins::{table, to_float, to_int, Args};
use crate::eval::lang::exc::{err, value_err, R};
use crate::eval::lang::value::*;

fn f1(a: &mut Args, f: fn(f64) -> f64) -> R<Value> {
    let x = to_float(&a.req(0, "x")?, "must be real number")?;
    Ok(Value::Float(f(x)))
}

/// A math function that is undefined outside a domain.
fn f1_domain(a: &mut Args, ok: fn(f64) -> bool, f: fn(f64) -> f64) -> R<Value> {
    let x = to_float(&a.req(0, "x")?, "must be real number")?;
    if !ok(x) {
        return Err(value_err("math domain error"));
    }
    Ok(Value::Float(f(x)))
}

fn int_round(a: &mut Args, f: fn(f64) -> f64) -> R<Value> {
    let v = a.req(0, "x")?;
    if let Value::Int(i) = v {
        return Ok(Value::Int(i));
    }
    let x = to_float(&v, "must be real number")?;
    if !x.is_finite() {
        return Err(if x.is_nan() {
            value_err("cannot convert float NaN to integer")
        } else {
            err("OverflowError", "cannot convert float infinity to integer")
        });
    }
    Ok(Value::Int(f(x) as i64))
}

fn gcd(a: i64, b: i64) -> i64 {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a as i64
}

table! { MATH:
    "sqrt", "sqrt(x)", "The square root of x." => |_, a| f1_domain(a, |x| x >= 0.0 || x.is_nan(), f64::sqrt);
    "exp", "exp(x)", "e raised to x." => |_, a| f1(a, f64::exp);
    "expm1", "expm1(x)", "exp(x) - 1." => |_, a| f1(a, f64::exp_m1);
    "log", "log(x, base=e)", "The logarithm of x (natural, or to base)." => |_, a| {
        let x = to_float(&a.req(0, "x")?, "must be real number")?;
        let base = a.get(1, "base").map(|b| to_float(&b, "base")).transpose()?;
        if x <= 0.0 || base.is_some_and(|b| b <= 0.0 || b == 1.0) {
            return Err(value_err("math domain error"));
        }
        Ok(Value::Float(match base { Some(b) => x.ln() / b.ln(), None => x.ln() }))
    };
    "log2", "log2(x)", "The base-2 logarithm." => |_, a| f1_domain(a, |x| x > 0.0, f64::log2);
    "log10", "log10(x)", "The base-10 logarithm." => |_, a| f1_domain(a, |x| x > 0.0, f64::log10);
    "log1p", "log1p(x)", "log(1 + x)." => |_, a| f1_domain(a, |x| x > -1.0, f64::ln_1p);
    "sin", "sin(x)", "The sine (radians)." => |_, a| f1(a, f64::sin);
    "cos", "cos(x)", "The cosine (radians)." => |_, a| f1(a, f64::cos);
    "tan", "tan(x)", "The tangent (radians)." => |_, a| f1(a, f64::tan);
    "asin", "asin(x)", "The arcsine." => |_, a| f1_domain(a, |x| (-1.0..=1.0).contains(&x), f64::asin);
    "acos", "acos(x)", "The arccosine." => |_, a| f1_domain(a, |x| (-1.0..=1.0).contains(&x), f64::acos);
    "atan", "atan(x)", "The arctangent." => |_, a| f1(a, f64::atan);
    "atan2", "atan2(y, x)", "The angle of the point (x, y)." => |_, a| {
        let y = to_float(&a.req(0, "y")?, "y")?;
        let x = to_float(&a.req(1, "x")?, "x")?;
        Ok(Value::Float(y.atan2(x)))
    };
    "sinh", "sinh(x)", "The hyperbolic sine." => |_, a| f1(a, f64::sinh);
    "cosh", "cosh(x)", "The hyperbolic cosine." => |_, a| f1(a, f64::cosh);
    "tanh", "tanh(x)", "The hyperbolic tangent." => |_, a| f1(a, f64::tanh);
    "erf", "erf(x)", "The error function." => |_, a| f1(a, libm::erf);
    "fabs", "fabs(x)", "The absolute value as a float." => |_, a| f1(a, f64::abs);
    "floor", "floor(x)", "The largest integer <= x." => |_, a| int_round(a, f64::floor);
    "ceil", "ceil(x)", "The smallest integer >= x." => |_, a| int_round(a, f64::ceil);
    "trunc", "trunc(x)", "x truncated toward zero, as an int." => |_, a| int_round(a, f64::trunc);
    "degrees", "degrees(x)", "Radians to degrees." => |_, a| f1(a, f64::to_degrees);
    "radians", "radians(x)", "Degrees to radians." => |_, a| f1(a, f64::to_radians);
    "pow", "pow(x, y)", "x raised to y, as a float." => |_, a| {
        let x = to_float(&a.req(0, "x")?, "x")?;
        let y = to_float(&a.req(1, "y")?, "y")?;
        if x == 0.0 && y < 0.0 || x < 0.0 && y.fract() != 0.0 {
            return Err(value_err("math domain error"));
        }
        Ok(Value::Float(x.powf(y)))
    };
    "copysign", "copysign(x, y)", "x with the sign of y." => |_, a| {
        let x = to_float(&a.req(0, "x")?, "x")?;
        let y = to_float(&a.req(1, "y")?, "y")?;
        Ok(Value::Float(x.copysign(y)))
    };
    "fmod", "fmod(x, y)", "C's fmod: the remainder with the sign of x." => |_, a| {
        let x = to_float(&a.req(0, "x")?, "x")?;
        let y = to_float(&a.req(1, "y")?, "y")?;
        if y == 0.0 {
            return Err(value_err("math domain error"));
        }
        Ok(Value::Float(x % y))
    };
    "hypot", "hypot(*coordinates)", "The Euclidean norm of the coordinates." => |_, a| {
        let mut s = 0.0f64;
        for v in a.rest(0) {
            let x = to_float(&v, "coordinate")?;
            s = s.hypot(x);
        }
        Ok(Value::Float(s))
    };
    "factorial", "factorial(n)", "n! for a non-negative integer." => |_, a| {
        let n = to_int(&a.req(0, "n")?, "factorial() argument")?;
        if n < 0 {
            return Err(value_err("factorial() not defined for negative values"));
        }
        let mut r: i64 = 1;
        for i in 2..=n {
            r = r.checked_mul(i).ok_or_else(|| err("OverflowError", "factorial result does not fit nabla's 64-bit int"))?;
        }
        Ok(Value::Int(r))
    };
    "gcd", "gcd(*integers)", "The greatest common divisor." => |_, a| {
        let mut g = 0;
        for v in a.rest(0) {
            g = gcd(g, to_int(&v, "gcd() argument")?);
        }
        Ok(Value::Int(g))
    };
    "lcm", "lcm(*integers)", "The least common multiple." => |_, a| {
        let mut l: i64 = 1;
        for v in a.rest(0) {
            let x = to_int(&v, "lcm() argument")?;
            if x == 0 {
                return Ok(Value::Int(0));
            }
            l = (l / gcd(l, x)).checked_mul(x.abs()).ok_or_else(|| err("OverflowError", "lcm result does not fit nabla's 64-bit int"))?;
        }
        Ok(Value::Int(l))
    };
    "comb", "comb(n, k)", "The number of ways to choose k of n items." => |_, a| {
        let n = to_int(&a.req(0, "n")?, "n")?;
        let k = to_int(&a.req(1, "k")?, "k")?;
        if n < 0 || k < 0 {
            return Err(value_err("n and k must be non-negative integers"));
        }
        if k > n {
            return Ok(Value::Int(0));
        }
        let k = k.min(n - k);
        let mut r: i128 = 1;
        for i in 0..k {
            r = r * (n - i) as i128 / (i + 1) as i128;
        }
        i64::try_from(r).map(Value::Int).map_err(|_| err("OverflowError", "comb result does not fit nabla's 64-bit int"))
    };
    "prod", "prod(iterable, start=1)", "The product of the items." => |it, a| {
        let v = a.req(0, "iterable")?;
        let mut acc = a.kw("start").unwrap_or(Value::Int(1));
        for x in it.collect(&v)? {
            acc = it.binary(crate::syntax::ast::BinOp::Mul, acc, x)?;
        }
        Ok(acc)
    };
    "fsum", "fsum(iterable)", "An accurate floating-point sum." => |it, a| {
        let v = a.req(0, "iterable")?;
        // Neumaier summation, then exact for the usual cases.
        let mut partials: Vec<f64> = Vec::new();
        for x in it.collect(&v)? {
            let mut x = to_float(&x, "fsum() item")?;
            let mut i = 0;
            for j in 0..partials.len() {
                let mut y = partials[j];
                if x.abs() < y.abs() {
                    std::mem::swap(&mut x, &mut y);
                }
                let hi = x + y;
                let lo = y - (hi - x);
                if lo != 0.0 {
                    partials[i] = lo;
                    i += 1;
                }
                x = hi;
            }
            partials.truncate(i);
            partials.push(x);
        }
        Ok(Value::Float(partials.iter().sum()))
    };
    "isclose", "isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)", "True if a and b are close." => |_, a| {
        let x = to_float(&a.req(0, "a")?, "a")?;
        let y = to_float(&a.req(1, "b")?, "b")?;
        let rel = a.kw("rel_tol").map(|v| to_float(&v, "rel_tol")).transpose()?.unwrap_or(1e-9);
        let abs = a.kw("abs_tol").map(|v| to_float(&v, "abs_tol")).transpose()?.unwrap_or(0.0);
        if x == y {
            return Ok(Value::Bool(true));
        }
        if x.is_infinite() || y.is_infinite() {
            return Ok(Value::Bool(false));
        }
        let d = (x - y).abs();
        Ok(Value::Bool(d <= (rel * y.abs()).max(rel * x.abs()) || d <= abs))
    };
    "isnan", "isnan(x)", "True if x is NaN." => |_, a| Ok(Value::Bool(to_float(&a.req(0, "x")?, "x")?.is_nan()));
    "isinf", "isinf(x)", "True if x is infinite." => |_, a| Ok(Value::Bool(to_float(&a.req(0, "x")?, "x")?.is_infinite()));
    "isfinite", "isfinite(x)", "True if x is neither infinite nor NaN." => |_, a| Ok(Value::Bool(to_float(&a.req(0, "x")?, "x")?.is_finite()));
}
