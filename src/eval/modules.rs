//! The modules people import: torch (with nn, nn.functional, cuda), math, time, random, sys.

use crate::eval::lang::builtins::{self, table, to_float, to_int, Args};
use crate::eval::lang::exc::{err, type_err, value_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use crate::eval::tools::files::{file_value, FileKind, FILE_BUILTINS};
use crate::eval::torch::{self as t, module, table_entries};
use crate::{DType, Device, Tensor};
use indexmap::IndexMap;
use std::cell::RefCell;
use std::rc::Rc;

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

table! { TIME:
    "perf_counter", "perf_counter()", "Seconds from a fixed point, for measuring durations." => |it, _| Ok(Value::Float(it.start.elapsed().as_secs_f64()));
    "monotonic", "monotonic()", "Seconds from a fixed point; never goes back." => |it, _| Ok(Value::Float(it.start.elapsed().as_secs_f64()));
    "process_time", "process_time()", "Seconds from a fixed point (wall time in nabla)." => |it, _| Ok(Value::Float(it.start.elapsed().as_secs_f64()));
    "time", "time()", "Seconds since the Unix epoch." => |_, _| {
        let d = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        Ok(Value::Float(d.as_secs_f64()))
    };
    "time_ns", "time_ns()", "Nanoseconds since the Unix epoch." => |_, _| {
        let d = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        Ok(Value::Int(d.as_nanos() as i64))
    };
    "localtime_tuple", "localtime_tuple(secs)", "(tm_year, tm_mon, tm_mday, tm_hour, tm_min, tm_sec, tm_wday, tm_yday, tm_isdst, tm_zone, tm_gmtoff) from the C library's localtime_r." => |_, a| {
        let secs = to_int(&a.req(0, "secs")?, "secs")?;
        let t = secs as libc::time_t;
        // SAFETY: localtime_r writes only into the zeroed tm it is given.
        let mut tm: libc::tm = unsafe { std::mem::zeroed() };
        let ok = unsafe { !libc::localtime_r(&t, &mut tm).is_null() };
        if !ok {
            return Err(err("OverflowError", "timestamp out of range for platform time_t"));
        }
        let zone = if tm.tm_zone.is_null() {
            String::new()
        } else {
            // SAFETY: tm_zone points at a NUL-terminated name owned by the C library.
            unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }.to_string_lossy().into_owned()
        };
        Ok(Value::tuple(vec![
            Value::Int(tm.tm_year as i64 + 1900),
            Value::Int(tm.tm_mon as i64 + 1),
            Value::Int(tm.tm_mday as i64),
            Value::Int(tm.tm_hour as i64),
            Value::Int(tm.tm_min as i64),
            Value::Int(tm.tm_sec as i64),
            Value::Int((tm.tm_wday as i64 + 6) % 7),
            Value::Int(tm.tm_yday as i64 + 1),
            Value::Int(tm.tm_isdst as i64),
            Value::str(&zone),
            Value::Int(tm.tm_gmtoff),
        ]))
    };
    "sleep", "sleep(secs)", "Waits secs seconds (an interrupt stops the wait)." => |it, a| {
        let s = to_float(&a.req(0, "secs")?, "secs")?;
        if s < 0.0 {
            return Err(value_err("sleep length must be non-negative"));
        }
        let end = std::time::Instant::now() + std::time::Duration::from_secs_f64(s.min(1e9));
        loop {
            it.check_interrupt()?;
            let now = std::time::Instant::now();
            if now >= end {
                break;
            }
            std::thread::sleep((end - now).min(std::time::Duration::from_millis(20)));
        }
        Ok(Value::None)
    };
}

/// Python's `random` module: the same Mersenne Twister and algorithms as CPython, so a
/// seeded script prints the same numbers.
pub struct PyRandom {
    mt: [u32; 624],
    index: usize,
}

impl Default for PyRandom {
    /// Seeded with 0, so a program that never seeds `random` is still reproducible.
    fn default() -> PyRandom {
        PyRandom::new(0)
    }
}

impl PyRandom {
    pub fn new(seed: u64) -> PyRandom {
        let mut r = PyRandom {
            mt: [0; 624],
            index: 624,
        };
        r.seed(seed);
        r
    }

    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..624 {
            let prev = self.mt[i - 1];
            self.mt[i] = 1812433253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = 624;
    }

    /// CPython's `random.seed(int)`: init_by_array over the integer's 32-bit words.
    pub fn seed(&mut self, seed: u64) {
        let key: Vec<u32> = if seed >> 32 == 0 {
            vec![seed as u32]
        } else {
            vec![seed as u32, (seed >> 32) as u32]
        };
        self.init_genrand(19650218);
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..624.max(key.len()) {
            let prev = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1664525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= 624 {
                self.mt[0] = self.mt[623];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..623 {
            let prev = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1566083941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= 624 {
                self.mt[0] = self.mt[623];
                i = 1;
            }
        }
        self.mt[0] = 0x8000_0000;
        self.index = 624;
    }

    fn genrand(&mut self) -> u32 {
        if self.index >= 624 {
            for k in 0..624 {
                let y = (self.mt[k] & 0x8000_0000) | (self.mt[(k + 1) % 624] & 0x7fff_ffff);
                let mut v = self.mt[(k + 397) % 624] ^ (y >> 1);
                if y & 1 != 0 {
                    v ^= 0x9908_b0df;
                }
                self.mt[k] = v;
            }
            self.index = 0;
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    pub fn random(&mut self) -> f64 {
        let a = (self.genrand() >> 5) as f64;
        let b = (self.genrand() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    fn getrandbits(&mut self, k: u32) -> u64 {
        if k == 0 {
            return 0;
        }
        if k <= 32 {
            return (self.genrand() >> (32 - k)) as u64;
        }
        let lo = self.genrand() as u64;
        let hi = (self.genrand() >> (64 - k.min(64))) as u64;
        lo | (hi << 32)
    }

    /// A uniform integer in [0, n).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.getrandbits(k);
            if r < n {
                return r;
            }
        }
    }
}

table! { RANDOM:
    "seed", "seed(a=None)", "Seeds the generator." => |it, a| {
        let s = match a.opt(0, "a") {
            Some(v) => to_int(&v, "seed")?.unsigned_abs(),
            None => std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos() as u64,
        };
        it.ext.get::<PyRandom>().seed(s);
        Ok(Value::None)
    };
    "random", "random()", "A float in [0, 1)." => |it, _| Ok(Value::Float(it.ext.get::<PyRandom>().random()));
    "getrandbits", "getrandbits(k)", "An int with k random bits (k at most 63 in nabla)." => |it, a| {
        let k = to_int(&a.req(0, "k")?, "k")?;
        if k < 0 {
            return Err(value_err("number of bits must be non-negative"));
        }
        if k > 63 {
            return Err(err("OverflowError", "getrandbits(k) above 63 bits does not fit nabla's 64-bit int"));
        }
        Ok(Value::Int(it.ext.get::<PyRandom>().getrandbits(k as u32) as i64))
    };
    "uniform", "uniform(a, b)", "A float between a and b." => |it, a| {
        let lo = to_float(&a.req(0, "a")?, "a")?;
        let hi = to_float(&a.req(1, "b")?, "b")?;
        Ok(Value::Float(lo + (hi - lo) * it.ext.get::<PyRandom>().random()))
    };
    "randint", "randint(a, b)", "An integer in [a, b], both included." => |it, a| {
        let lo = to_int(&a.req(0, "a")?, "a")?;
        let hi = to_int(&a.req(1, "b")?, "b")?;
        if hi < lo {
            return Err(value_err(format!("empty range in randrange({lo}, {})", hi + 1)));
        }
        Ok(Value::Int(lo + it.ext.get::<PyRandom>().below((hi - lo + 1) as u64) as i64))
    };
    "randrange", "randrange(start, stop=None, step=1)", "A random item of range(start, stop, step)." => |it, a| {
        let x = to_int(&a.req(0, "start")?, "start")?;
        let (start, stop) = match a.opt(1, "stop") { Some(s) => (x, to_int(&s, "stop")?), None => (0, x) };
        let step = a.opt(2, "step").map(|s| to_int(&s, "step")).transpose()?.unwrap_or(1);
        let n = builtins::range_len(&[start, stop, step]);
        if n == 0 {
            return Err(value_err(format!("empty range in randrange({start}, {stop})")));
        }
        Ok(Value::Int(start + step * it.ext.get::<PyRandom>().below(n as u64) as i64))
    };
    "choice", "choice(seq)", "A random item of a non-empty sequence." => |it, a| {
        let seq = a.req(0, "seq")?;
        let n = it.len(&seq)?;
        if n == 0 {
            return Err(err("IndexError", "Cannot choose from an empty sequence"));
        }
        let i = it.ext.get::<PyRandom>().below(n as u64) as i64;
        it.getitem(&seq, &Value::Int(i))
    };
    "shuffle", "shuffle(x)", "Shuffles a list in place." => |it, a| {
        let v = a.req(0, "x")?;
        let Value::List(l) = &v else { return Err(type_err("shuffle() needs a list")) };
        let n = l.borrow().len();
        for i in (1..n).rev() {
            let j = it.ext.get::<PyRandom>().below(i as u64 + 1) as usize;
            l.borrow_mut().swap(i, j);
        }
        Ok(Value::None)
    };
    "sample", "sample(population, k)", "k distinct random items of the population." => |it, a| {
        let pop = it.collect(&a.req(0, "population")?)?;
        let k = to_int(&a.req(1, "k")?, "k")?;
        let n = pop.len();
        if k < 0 || k as usize > n {
            return Err(value_err("Sample larger than population or is negative"));
        }
        let k = k as usize;
        let mut setsize = 21usize;
        if k > 5 {
            setsize += 4usize.pow(((k * 3) as f64).log(4.0).ceil() as u32);
        }
        let mut out = Vec::with_capacity(k);
        if n <= setsize {
            let mut pool = pop.clone();
            for i in 0..k {
                let j = it.ext.get::<PyRandom>().below((n - i) as u64) as usize;
                out.push(pool[j].clone());
                pool[j] = pool[n - i - 1].clone();
            }
        } else {
            let mut seen = std::collections::HashSet::new();
            for _ in 0..k {
                let mut j = it.ext.get::<PyRandom>().below(n as u64) as usize;
                while seen.contains(&j) {
                    j = it.ext.get::<PyRandom>().below(n as u64) as usize;
                }
                seen.insert(j);
                out.push(pop[j].clone());
            }
        }
        Ok(Value::list(out))
    };
    "gauss", "gauss(mu=0.0, sigma=1.0)", "A normal random float." => |it, a| {
        let mu = a.opt(0, "mu").map(|v| to_float(&v, "mu")).transpose()?.unwrap_or(0.0);
        let sigma = a.opt(1, "sigma").map(|v| to_float(&v, "sigma")).transpose()?.unwrap_or(1.0);
        let x2pi = it.ext.get::<PyRandom>().random() * std::f64::consts::TAU;
        let g2rad = (-2.0 * (1.0 - it.ext.get::<PyRandom>().random()).ln()).sqrt();
        Ok(Value::Float(mu + x2pi.cos() * g2rad * sigma))
    };
}

/// `sys._getframe(depth)`: the running Python frames as objects with `f_code` (`co_name`,
/// `co_filename`), `f_lineno`, `f_globals` and `f_back` (logging and warnings use them).
fn frames(it: &mut Interp, depth: usize) -> R<Value> {
    let n = it.calls.len();
    if depth > n {
        return Err(value_err("call stack is not deep enough"));
    }
    let line = |src: &SourceFile, at: usize| {
        src.text[..at.min(src.text.len())].matches('\n').count() as i64 + 1
    };
    let mut back = Value::None;
    // From the outermost (module level) in, so each frame can point at its caller.
    for k in (depth..=n).rev() {
        let (src, span) = if k == 0 {
            (it.src.clone(), it.cur)
        } else {
            it.call_sites[n - k].clone()
        };
        let (name, module) = if k == n {
            ("<module>".to_string(), it.main.clone())
        } else {
            let f = &it.calls[n - 1 - k];
            (f.def.name.to_string(), f.module.clone())
        };
        let globals: Dict = it
            .module_items(&module)
            .into_iter()
            .map(|(k, v)| (Key(Value::Str(k)), v))
            .collect();
        let code = Instance {
            class: class_with("code", &[]),
            attrs: RefCell::new(IndexMap::from([
                (Rc::from("co_name"), Value::str(&name)),
                (Rc::from("co_filename"), Value::str(&src.name)),
            ])),
        };
        let frame = Instance {
            class: class_with("frame", &[]),
            attrs: RefCell::new(IndexMap::from([
                (Rc::from("f_code"), Value::Instance(Rc::new(code))),
                (Rc::from("f_lineno"), Value::Int(line(&src, span.start))),
                (Rc::from("f_globals"), Value::dict(globals)),
                (Rc::from("f_back"), back),
            ])),
        };
        back = Value::Instance(Rc::new(frame));
    }
    Ok(back)
}

table! { SYS:
    "_getframe", "_getframe(depth=0)", "The frame depth calls up from the caller: f_code.co_name, f_code.co_filename, f_lineno, f_globals, f_back." => |it, a| {
        let d = a.opt(0, "depth").map(|d| to_int(&d, "depth")).transpose()?.unwrap_or(0);
        frames(it, d.max(0) as usize)
    };
    "exc_info", "exc_info()", "(type, value, traceback) of the exception being handled (nabla has no traceback objects: None), or three Nones." => |it, _| {
        Ok(match it.handling.last().cloned() {
            Some(v) => {
                let t = it.type_of(&v);
                Value::tuple(vec![t, v, Value::None])
            }
            None => Value::tuple(vec![Value::None, Value::None, Value::None]),
        })
    };
    "getrecursionlimit", "getrecursionlimit()", "How deep Python-level calls may nest." => |_, _| Ok(Value::Int(1000));
    "setrecursionlimit", "setrecursionlimit(limit)", "Accepted; nabla's limit stays at the default (it grows the stack on the heap as needed)." => |_, a| {
        let n = to_int(&a.req(0, "limit")?, "limit")?;
        if n < 1 {
            return Err(value_err("recursion limit must be greater or equal than 1"));
        }
        Ok(Value::None)
    };
    "getsizeof", "getsizeof(object)", "An estimate of the object's size in bytes (a tensor: its element bytes)." => |_, a| {
        Ok(Value::Int(match a.req(0, "object")? {
            Value::Tensor(t) => (t.numel() * t.dtype().size()) as i64 + 72,
            Value::Str(s) => 49 + s.len() as i64,
            Value::List(l) => 56 + 8 * l.borrow().len() as i64,
            _ => 28,
        }))
    };
}

table! { CUDA:
    "is_available", "cuda.is_available()", "True if a CUDA GPU can be used: the driver library loads and finds a GPU." => |_, _| Ok(Value::Bool(crate::backend::cuda_availability().is_ok()));
    "device_count", "cuda.device_count()", "How many CUDA GPUs can be used (0 without a driver or GPU)." => |_, _| Ok(Value::Int(crate::backend::cuda_availability().unwrap_or(0) as i64));
    "manual_seed", "cuda.manual_seed(seed)", "Accepted for PyTorch code; nabla draws CUDA tensors' random numbers from the CPU generator, which torch.manual_seed seeds." => |_, a| { to_int(&a.req(0, "seed")?, "seed")?; Ok(Value::None) };
    "manual_seed_all", "cuda.manual_seed_all(seed)", "As cuda.manual_seed: CUDA tensors' random numbers come from the CPU generator (torch.manual_seed seeds it)." => |_, a| { to_int(&a.req(0, "seed")?, "seed")?; Ok(Value::None) };
    "get_device_name", "cuda.get_device_name(device=None)", "The GPU's name." => |_, a| Ok(Value::str(&crate::backend::gpu_info::name(cuda_index(a)?)?));
    "current_device", "cuda.current_device()", "The index of the GPU in use (always 0: nabla uses cuda:0 unless told otherwise)." => |_, _| {
        crate::backend::cuda_availability().map_err(|reason| crate::Error::DeviceUnavailable { device: crate::Device::Cuda(0), reason })?;
        Ok(Value::Int(0))
    };
    "synchronize", "cuda.synchronize(device=None)", "Waits until the GPU has finished the work queued so far." => |_, a| { crate::backend::gpu_info::synchronize(cuda_index(a)?)?; Ok(Value::None) };
    "memory_allocated", "cuda.memory_allocated(device=None)", "Bytes the GPU's tensors occupy now." => |_, a| Ok(Value::Int(crate::backend::gpu_info::memory(cuda_index(a)?).0 as i64));
    "max_memory_allocated", "cuda.max_memory_allocated(device=None)", "The most bytes the GPU's tensors have occupied (since reset_peak_memory_stats)." => |_, a| Ok(Value::Int(crate::backend::gpu_info::memory(cuda_index(a)?).1 as i64));
    "reset_peak_memory_stats", "cuda.reset_peak_memory_stats(device=None)", "Starts max_memory_allocated again from what is allocated now." => |_, a| { crate::backend::gpu_info::reset_peak(cuda_index(a)?)?; Ok(Value::None) };
    "empty_cache", "cuda.empty_cache()", "Returns freed GPU memory to the driver: nabla allocates from the driver's stream-ordered pool, which releases freed blocks when the GPU is synchronized, so this synchronizes." => |_, _| {
        if crate::backend::cuda_availability().is_ok() {
            crate::backend::gpu_info::synchronize(0)?;
        }
        Ok(Value::None)
    };
}

/// The GPU a `device=` argument of a torch.cuda function names (cuda:0 by default).
fn cuda_index(a: &mut Args) -> R<usize> {
    Ok(match a.opt(0, "device") {
        None => 0,
        Some(Value::Int(i)) if i >= 0 => i as usize,
        Some(v) => match crate::eval::torch::device_of(&v)? {
            crate::Device::Cuda(i) => i,
            crate::Device::Cpu => return Err(value_err("Expected a cuda device, but got: cpu")),
        },
    })
}

table! { CONSTRUCTORS:
    "device", "device(type, index=None)", "A device: 'cpu', 'cuda' or 'cuda:N'." => |_, a| {
        let v = a.req(0, "type")?;
        if let Value::Device(d) = v { return Ok(Value::Device(d)); }
        let s = builtins::to_str(&v, "type")?;
        let d = match a.opt(1, "index") {
            Some(i) => format!("{s}:{}", to_int(&i, "index")?),
            None => s.to_string(),
        };
        Device::parse(&d).map(Value::Device).ok_or_else(|| err("RuntimeError", format!("Expected one of cpu, cuda device type at start of device string: {s}")))
    };
    "Tensor", "Tensor(data) or Tensor(*size)", "A float32 tensor from data, or of the given size." => |_, a| {
        let items = a.rest(0);
        let t = match items.as_slice() {
            [Value::List(_) | Value::Tuple(_)] => Tensor::new(&t::nested(&items[0])?, Some(DType::F32))?,
            [Value::Tensor(x)] => x.clone(),
            _ => {
                let s: Vec<usize> = items.iter().map(|v| to_int(v, "size").map(|i| i.max(0) as usize)).collect::<R<_>>()?;
                Tensor::zeros(&s, DType::F32)?
            }
        };
        Ok(Value::Tensor(t))
    };
    "Size", "Size(sizes)", "A shape: a tuple of ints." => |it, a| {
        let v = a.get(0, "sizes").unwrap_or(Value::tuple(vec![]));
        let items = it.collect(&v)?;
        let s: Vec<i64> = items.iter().map(|x| to_int(x, "size")).collect::<R<_>>()?;
        Ok(Value::Size(Rc::from(s)))
    };
    "no_grad", "no_grad()", "A context (or decorator) in which no autograd graph is recorded." => |it, a| grad_mode(it, a, "no_grad", false);
    "enable_grad", "enable_grad()", "A context (or decorator) in which autograd records again." => |it, a| grad_mode(it, a, "enable_grad", true);
    "inference_mode", "inference_mode(mode=True)", "Like no_grad." => |it, a| {
        let on = match a.opt(0, "mode") { Some(v) => it.truthy(&v)?, None => true };
        Ok(it.grad_mode_manager("inference_mode", !on))
    };
    "set_grad_enabled", "set_grad_enabled(mode)", "Turns gradient recording on or off now; as a context manager, restores the previous mode on exit." => |it, a| {
        let v = a.req(0, "mode")?;
        let mode = it.truthy(&v)?;
        let prev = crate::autograd::set_grad_enabled(mode);
        let m = it.grad_mode_manager("set_grad_enabled", mode);
        set_attr(&m, "prev", Value::Bool(prev));
        set_attr(&m, "fixed", Value::Bool(true));
        Ok(m)
    };
    "is_grad_enabled", "is_grad_enabled()", "Whether autograd records operations now." => |_, _| Ok(Value::Bool(crate::autograd::is_grad_enabled()));
}

table! { LAYOUT_METHODS:
    "__repr__", "__repr__()", "torch.strided: every tensor is dense with strides." => |_, a| {
        a.req(0, "self")?;
        Ok(Value::str("torch.strided"))
    };
}

table! { NOT_IMPLEMENTED_METHODS:
    "__repr__", "__repr__()", "NotImplemented." => |_, a| {
        a.req(0, "self")?;
        Ok(Value::str("NotImplemented"))
    };
}

table! { OBJECT_METHODS:
    "__init__", "object.__init__(self)", "Initialises an object; the base of every class's __init__." => |_, a| { a.rest(0); a.kw.clear(); Ok(Value::None) };
    "__setattr__", "object.__setattr__(self, name, value)", "Sets an attribute directly, past the class's own __setattr__ (frozen dataclasses use it)." => |_, a| {
        let me = a.req(0, "self")?;
        let name = builtins::to_str(&a.req(1, "name")?, "attribute name")?;
        let v = a.req(2, "value")?;
        match &me {
            Value::Instance(i) => {
                i.attrs.borrow_mut().insert(name, v);
                Ok(Value::None)
            }
            Value::Class(c) => {
                c.ns.borrow_mut().insert(name, v);
                Ok(Value::None)
            }
            _ => Err(type_err(format!("can't set attributes of built-in/extension type '{}'", me.type_name()))),
        }
    };
    "__delattr__", "object.__delattr__(self, name)", "Removes an attribute directly." => |_, a| {
        let me = a.req(0, "self")?;
        let name = builtins::to_str(&a.req(1, "name")?, "attribute name")?;
        if let Value::Instance(i) = &me {
            if i.attrs.borrow_mut().shift_remove(&*name).is_none() {
                return Err(err("AttributeError", format!("'{}' object has no attribute '{name}'", i.class.name)));
            }
        }
        Ok(Value::None)
    };
    "__getattribute__", "object.__getattribute__(self, name)", "The attribute, found the usual way." => |it, a| {
        let me = a.req(0, "self")?;
        let name = builtins::to_str(&a.req(1, "name")?, "attribute name")?;
        if let Value::Instance(i) = &me {
            if let Some(v) = i.attrs.borrow().get(&*name) {
                return Ok(v.clone());
            }
        }
        it.getattr(&me, &name)
    };
    "__new__", "object.__new__(cls, *args)", "A new, uninitialised instance of cls." => |it, a| {
        let cls = a.req(0, "cls")?;
        a.rest(1);
        a.kw.clear();
        let Value::Class(c) = &cls else { return Err(type_err("object.__new__(X): X is not a type object")) };
        let mut attrs = IndexMap::new();
        if let Some(p) = it.new_payload(c)? {
            attrs.insert(Rc::from("__payload__"), p);
        }
        Ok(Value::Instance(Rc::new(Instance { class: c.clone(), attrs: RefCell::new(attrs) })))
    };
    "__init_subclass__", "object.__init_subclass__(cls)", "Called when a class is made from this one; does nothing." => |_, a| { a.rest(0); a.kw.clear(); Ok(Value::None) };
}

fn attr(me: &Value, name: &str) -> Option<Value> {
    match me {
        Value::Instance(i) => i.attrs.borrow().get(name).cloned(),
        _ => None,
    }
}

fn set_attr(me: &Value, name: &str, v: Value) {
    if let Value::Instance(i) = me {
        i.attrs.borrow_mut().insert(Rc::from(name), v);
    }
}

table! { GRAD_MODE_METHODS:
    "__enter__", "__enter__()", "Enters the context: sets grad mode." => |_, a| {
        let me = a.req(0, "self")?;
        a.rest(1);
        // set_grad_enabled(mode) has set the mode already and keeps what came before.
        if let (Some(Value::Bool(mode)), None) = (attr(&me, "mode"), attr(&me, "fixed")) {
            let prev = crate::autograd::set_grad_enabled(mode);
            set_attr(&me, "prev", Value::Bool(prev));
        }
        Ok(Value::None)
    };
    "__exit__", "__exit__(*exc)", "Leaves the context: grad mode goes back to what it was." => |_, a| {
        let me = a.req(0, "self")?;
        a.rest(1);
        if let Some(Value::Bool(prev)) = attr(&me, "prev") {
            crate::autograd::set_grad_enabled(prev);
        }
        Ok(Value::Bool(false))
    };
    "__call__", "__call__(function)", "Used as a decorator: the function runs in this grad mode." => |it, a| {
        let me = a.req(0, "self")?;
        let f = a.req(1, "function")?;
        let mode = attr(&me, "mode").unwrap_or(Value::Bool(false));
        Ok(it.grad_mode_function(f, mode))
    };
}

table! { GRAD_MODE_FUNCTION_METHODS:
    "__call__", "__call__(*args, **kwargs)", "Calls the function in the decorator's grad mode." => |it, a| {
        let me = a.req(0, "self")?;
        let f = attr(&me, "function").unwrap_or(Value::None);
        let Some(Value::Bool(mode)) = attr(&me, "mode") else { return Ok(Value::None) };
        let args = a.rest(1);
        let kw = std::mem::take(&mut a.kw);
        let prev = crate::autograd::set_grad_enabled(mode);
        let r = it.call(&f, args, kw);
        crate::autograd::set_grad_enabled(prev);
        r
    };
}

/// `torch.no_grad()` (a context manager) or `@torch.no_grad` on a function.
fn grad_mode(it: &mut Interp, a: &mut Args, name: &str, mode: bool) -> R<Value> {
    match a.opt(0, "function") {
        Some(f) => Ok(it.grad_mode_function(f, Value::Bool(mode))),
        None => Ok(it.grad_mode_manager(name, mode)),
    }
}

impl Interp {
    /// `torch.no_grad()` and friends: a context manager (and decorator) setting `mode`.
    pub(super) fn grad_mode_manager(&mut self, name: &str, mode: bool) -> Value {
        let class = class_with(name, GRAD_MODE_METHODS);
        let mut attrs = IndexMap::new();
        attrs.insert(Rc::from("mode"), Value::Bool(mode));
        Value::Instance(Rc::new(Instance {
            class,
            attrs: RefCell::new(attrs),
        }))
    }

    /// A function decorated with a grad mode.
    pub(super) fn grad_mode_function(&mut self, f: Value, mode: Value) -> Value {
        let class = class_with("function", GRAD_MODE_FUNCTION_METHODS);
        let mut attrs = IndexMap::new();
        attrs.insert(Rc::from("function"), f);
        attrs.insert(Rc::from("mode"), mode);
        Value::Instance(Rc::new(Instance {
            class,
            attrs: RefCell::new(attrs),
        }))
    }

    /// Builds the importable modules and the builtins.
    pub fn install_modules(&mut self) {
        for b in builtins::BUILTINS.iter().chain(FILE_BUILTINS) {
            self.set_builtin(b.name, Value::Builtin(b));
        }
        for (name, class) in self.exc_classes.clone() {
            self.set_builtin(name, Value::Class(class));
        }
        let object = class_with("object", OBJECT_METHODS);
        self.type_classes.insert("object".into(), object.clone());
        for (name, v) in [
            ("True", Value::Bool(true)),
            ("False", Value::Bool(false)),
            ("None", Value::None),
            ("object", Value::Class(object.clone())),
            (
                "NotImplemented",
                Value::Instance(Rc::new(Instance {
                    class: class_with("NotImplementedType", NOT_IMPLEMENTED_METHODS),
                    attrs: RefCell::new(IndexMap::new()),
                })),
            ),
        ] {
            self.set_builtin(name, v);
        }

        let mut math = table_entries(MATH);
        math.extend([
            ("pi", Value::Float(std::f64::consts::PI)),
            ("e", Value::Float(std::f64::consts::E)),
            ("tau", Value::Float(std::f64::consts::TAU)),
            ("inf", Value::Float(f64::INFINITY)),
            ("nan", Value::Float(f64::NAN)),
        ]);
        self.modules.insert("math".into(), module("math", &math));
        // time.py and random.py (stdlib/py) build on these, as CPython's do on C modules.
        self.modules
            .insert("_time".into(), module("_time", &table_entries(TIME)));
        self.modules
            .insert("_random".into(), module("_random", &table_entries(RANDOM)));

        let file = file_value;
        let stdout = file(FileKind::Stdout, "<stdout>");
        let stderr = file(FileKind::Stderr, "<stderr>");
        let argv = Value::list(self.argv.iter().map(|s| Value::str(s)).collect());
        let sys = module(
            "sys",
            &[
                ("argv", argv),
                ("stdout", stdout.clone()),
                ("stderr", stderr.clone()),
                ("__stdout__", stdout),
                ("__stderr__", stderr),
                (
                    "exit",
                    Value::Builtin(
                        &builtins::BUILTINS[builtins::BUILTINS
                            .iter()
                            .position(|b| b.name == "exit")
                            .unwrap_or(0)],
                    ),
                ),
                ("maxsize", Value::Int(i64::MAX)),
                (
                    "version",
                    Value::str(concat!("nabla ", env!("CARGO_PKG_VERSION"))),
                ),
                ("platform", Value::str(std::env::consts::OS)),
                ("path", Value::List(self.sys_path.clone())),
                ("modules", Value::Dict(self.sys_modules.clone())),
                (
                    "version_info",
                    Value::tuple(vec![
                        Value::Int(3),
                        Value::Int(11),
                        Value::Int(0),
                        Value::str("final"),
                        Value::Int(0),
                    ]),
                ),
                (
                    "executable",
                    Value::str(
                        &std::env::current_exe()
                            .map(|p| p.to_string_lossy().into_owned())
                            .unwrap_or_default(),
                    ),
                ),
                (
                    "byteorder",
                    Value::str(if cfg!(target_endian = "little") {
                        "little"
                    } else {
                        "big"
                    }),
                ),
                (
                    "stdin",
                    file(
                        FileKind::Read {
                            text: String::new(),
                            pos: 0,
                        },
                        "<stdin>",
                    ),
                ),
            ]
            .into_iter()
            .chain(table_entries(SYS))
            .collect::<Vec<_>>(),
        );
        self.set_global("__name__", Value::str("__main__"));
        self.set_global("__doc__", Value::None);
        self.cache_main();
        self.modules.insert("sys".into(), sys);

        // torch.nn.functional, torch.nn (layers, init, utils), torch.cuda, torch
        let functional = module(
            "torch.nn.functional",
            &[
                table_entries(crate::eval::torch::tensor_methods::FUNCTIONAL),
                table_entries(crate::eval::torch::functional_ops::FUNCTIONAL_ENGINE),
                table_entries(crate::eval::nn::functional::NN_FUNCTIONAL),
            ]
            .concat(),
        );
        let tensor_class = class_with("Tensor", &[]);
        let (module_class, parameter_class) =
            crate::eval::nn::module::module_classes(&tensor_class);
        self.module_class = Some(module_class.clone());
        self.parameter_class = Some(parameter_class.clone());
        let init = module(
            "torch.nn.init",
            &table_entries(crate::eval::nn::functional::NN_INIT),
        );
        let clip = table_entries(crate::eval::nn::optim::CLIP);
        let nn_utils = module("torch.nn.utils", &clip);
        let mut nn_entries = vec![
            ("functional", functional.clone()),
            ("init", init.clone()),
            ("utils", nn_utils.clone()),
            ("Module", Value::Class(module_class.clone())),
            ("Parameter", Value::Class(parameter_class)),
        ];
        nn_entries.extend(crate::eval::nn::layers::layer_classes(&module_class));
        nn_entries.extend(crate::eval::nn::containers::container_classes(
            &module_class,
        ));
        let nn = module("torch.nn", &nn_entries);
        self.modules.insert("torch.nn.init".into(), init);
        self.modules.insert("torch.nn.utils".into(), nn_utils);
        let (optim, lr_scheduler) = self.optim_modules();
        self.modules.insert("torch.optim".into(), optim.clone());
        self.modules
            .insert("torch.optim.lr_scheduler".into(), lr_scheduler);
        let (utils, data) = self.data_modules();
        self.modules.insert("torch.utils".into(), utils.clone());
        self.modules.insert("torch.utils.data".into(), data);
        let cuda = module("torch.cuda", &table_entries(CUDA));
        let mut torch = table_entries(t::TORCH);
        torch.extend(table_entries(crate::eval::torch::engine_ops::ENGINE));
        torch.extend(table_entries(crate::eval::torch::engine_ops::JOINS));
        torch.extend(table_entries(crate::eval::nabla::io::TORCH_IO));
        torch.extend(table_entries(
            crate::eval::torch::generators::TORCH_GENERATORS,
        ));
        torch.push((
            "default_generator",
            crate::eval::torch::generators::default_generator(),
        ));
        // torch.random: the default generator's functions, under their own module too.
        let random_names = [
            "manual_seed",
            "initial_seed",
            "seed",
            "get_rng_state",
            "set_rng_state",
            "default_generator",
        ];
        let random: Vec<_> = torch
            .iter()
            .filter(|(n, _)| random_names.contains(n))
            .cloned()
            .collect();
        let random = module("torch.random", &random);
        self.modules.insert("torch.random".into(), random.clone());
        torch.push(("random", random));
        let linalg = module(
            "torch.linalg",
            &table_entries(crate::eval::torch::engine_ops::LINALG),
        );
        self.modules.insert("torch.linalg".into(), linalg.clone());
        torch.push(("linalg", linalg));
        let autograd = module(
            "torch.autograd",
            &table_entries(crate::eval::torch::autograd_ops::AUTOGRAD_FUNCTIONS),
        );
        self.modules
            .insert("torch.autograd".into(), autograd.clone());
        torch.push(("autograd", autograd));
        torch.extend(
            table_entries(CONSTRUCTORS)
                .into_iter()
                .filter(|(n, _)| *n != "Tensor" && *n != "Size"),
        );
        for (name, d) in t::DTYPE_NAMES {
            torch.push((name, Value::DType(*d)));
        }
        tensor_class
            .ns
            .borrow_mut()
            .insert(Rc::from("__new__"), Value::Builtin(&CONSTRUCTORS[1]));
        let size_class = class_with("Size", &[]);
        size_class
            .ns
            .borrow_mut()
            .insert(Rc::from("__new__"), Value::Builtin(&CONSTRUCTORS[2]));
        self.tensor_class = Some(tensor_class.clone());
        self.size_class = Some(size_class.clone());
        torch.extend([
            ("Tensor", Value::Class(tensor_class)),
            ("Size", Value::Class(size_class)),
            ("nn", nn.clone()),
            (
                "strided",
                Value::Instance(Rc::new(Instance {
                    class: class_with("layout", LAYOUT_METHODS),
                    attrs: RefCell::new(IndexMap::new()),
                })),
            ),
            ("optim", optim),
            ("utils", utils),
            ("cuda", cuda.clone()),
            ("pi", Value::Float(std::f64::consts::PI)),
            ("e", Value::Float(std::f64::consts::E)),
            ("inf", Value::Float(f64::INFINITY)),
            ("nan", Value::Float(f64::NAN)),
            (
                "__version__",
                Value::str(concat!(env!("CARGO_PKG_VERSION"), "+nabla")),
            ),
        ]);
        let torch = module("torch", &torch);
        self.modules.insert("torch".into(), torch.clone());
        self.modules.insert("torch.nn".into(), nn.clone());
        self.modules
            .insert("torch.nn.functional".into(), functional.clone());
        self.modules.insert("torch.cuda".into(), cuda);
        // torch, nn and F are there without an import.
        self.set_builtin("torch", torch);
        self.set_builtin("nn", nn);
        self.set_builtin("F", functional);
        self.install_plt();
        self.install_numpy();
        self.install_progress();
        self.install_notebook();
        self.install_nabla();
    }
}
