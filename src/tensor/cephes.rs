//! Single-precision `log` and `sincos` by Cephes' polynomials, step for step as PyTorch's
//! AVX2 `randn` kernel evaluates them (its `avx_mathfun` routines, with the multiply-adds
//! fused as its build fuses them), so float32 normals of 16 or more values come out
//! bit-identical to PyTorch's rather than a last-place digit apart.

// Cephes' constants keep the digits they were published with.
#![allow(clippy::excessive_precision, clippy::approx_constant)]

/// `a * b + c` as one fused operation, as the vector kernel computes it.
fn ma(a: f32, b: f32, c: f32) -> f32 {
    a.mul_add(b, c)
}

const SQRTHF: f32 = 0.707_106_781_186_547_524;
const LOG_P: [f32; 9] = [
    7.037_683_629_2E-2,
    -1.151_461_031_0E-1,
    1.167_699_874_0E-1,
    -1.242_014_084_6E-1,
    1.424_932_278_7E-1,
    -1.666_805_766_5E-1,
    2.000_071_476_5E-1,
    -2.499_999_399_3E-1,
    3.333_333_117_4E-1,
];
const LOG_Q1: f32 = -2.121_944_40e-4;
const LOG_Q2: f32 = 0.693_359_375;

/// Natural log of a positive float: split off the exponent, bring the mantissa to
/// [√½, √2), and a degree-9 polynomial for the rest.
pub fn log(x: f32) -> f32 {
    if x.is_nan() || x <= 0.0 {
        return f32::NAN;
    }
    let x = x.max(f32::MIN_POSITIVE);
    let bits = x.to_bits();
    let mut e = ((bits >> 23) as i32 - 0x7f) as f32 + 1.0;
    let mut m = f32::from_bits((bits & !0x7f80_0000) | 0.5f32.to_bits());
    let small = m < SQRTHF;
    let tmp = if small { m } else { 0.0 };
    m -= 1.0;
    if small {
        e -= 1.0;
    }
    m += tmp;
    let z = m * m;
    let mut y = LOG_P[0];
    for p in &LOG_P[1..] {
        y = ma(y, m, *p);
    }
    y *= m;
    // The compiler fuses this product into the next sum, not `e * q1`.
    y = ma(y, z, e * LOG_Q1);
    y = ma(-z, 0.5, y);
    let r = m + y;
    ma(e, LOG_Q2, r)
}

const FOPI: f32 = 1.273_239_544_735_16;
const DP: [f32; 3] = [
    -0.785_156_25,
    -2.418_756_484_985_351_562_5e-4,
    -3.774_894_977_445_941_08e-8,
];
const SINCOF: [f32; 3] = [-1.951_529_589_1E-4, 8.332_160_873_6E-3, -1.666_665_461_1E-1];
const COSCOF: [f32; 3] = [
    2.443_315_711_809_948E-5,
    -1.388_731_625_493_765E-3,
    4.166_664_568_298_827E-2,
];

/// `(sin x, cos x)`: reduce by multiples of π/4 in three parts (Cody–Waite), then one
/// polynomial for sine and one for cosine on [-π/4, π/4], swapped and signed by octant.
pub fn sincos(x: f32) -> (f32, f32) {
    let neg = x.is_sign_negative();
    let mut x = x.abs();
    let j = (((x * FOPI) as i32).wrapping_add(1)) & !1;
    let y = j as f32;
    let swap_sin = j & 4 != 0;
    let first_poly = j & 2 == 0;
    x = ma(y, DP[0], x);
    x = ma(y, DP[1], x);
    x = ma(y, DP[2], x);
    let cos_neg = j.wrapping_sub(2) & 4 == 0;
    let sin_neg = neg ^ swap_sin;
    let z = x * x;
    let mut c = ma(COSCOF[0], z, COSCOF[1]);
    c = ma(c, z, COSCOF[2]);
    c *= z;
    c = ma(c, z, -(z * 0.5));
    c += 1.0;
    let mut s = ma(SINCOF[0], z, SINCOF[1]);
    s = ma(s, z, SINCOF[2]);
    s *= z;
    s = ma(s, x, x);
    let (sv, cv) = if first_poly { (s, c) } else { (c, s) };
    let sign = |v: f32, n: bool| if n { -v } else { v };
    (sign(sv, sin_neg), sign(cv, cos_neg))
}

#[cfg(test)]
mod tests {
    #[test]
    fn close_to_the_exact_functions() {
        for i in 1..2000 {
            let u = i as f32 / 2000.0;
            assert!(
                (super::log(u) - u.ln()).abs() <= 2e-7 * u.ln().abs().max(1.0),
                "log {u}"
            );
            let t = u * std::f32::consts::TAU;
            let (s, c) = super::sincos(t);
            assert!(
                (s - t.sin()).abs() < 3e-7 && (c - t.cos()).abs() < 3e-7,
                "sincos {t}"
            );
        }
    }
}
