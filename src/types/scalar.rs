//! Scalars: Python's bool, int and float as they enter and leave tensors.

use super::{Category, DType};
use std::fmt;

/// A Python number: what `item()` returns and what `t + 2.5` adds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scalar {
    Bool(bool),
    Int(i64),
    Float(f64),
}

impl Scalar {
    pub fn category(self) -> Category {
        match self {
            Scalar::Bool(_) => Category::Bool,
            Scalar::Int(_) => Category::Int,
            Scalar::Float(_) => Category::Float,
        }
    }

    /// The dtype a tensor made from this scalar alone gets: bool, int64 or float32.
    pub fn default_dtype(self) -> DType {
        match self {
            Scalar::Bool(_) => DType::Bool,
            Scalar::Int(_) => DType::I64,
            Scalar::Float(_) => DType::F32,
        }
    }

    pub fn to_f64(self) -> f64 {
        match self {
            Scalar::Bool(b) => b as u8 as f64,
            Scalar::Int(i) => i as f64,
            Scalar::Float(f) => f,
        }
    }

    /// Truncates a float toward zero, as `int()` does.
    pub fn to_i64(self) -> i64 {
        match self {
            Scalar::Bool(b) => b as i64,
            Scalar::Int(i) => i,
            Scalar::Float(f) => f as i64,
        }
    }

    pub fn is_nonzero(self) -> bool {
        match self {
            Scalar::Bool(b) => b,
            Scalar::Int(i) => i != 0,
            Scalar::Float(f) => f != 0.0,
        }
    }
}

impl From<f64> for Scalar {
    fn from(v: f64) -> Self {
        Scalar::Float(v)
    }
}
impl From<i64> for Scalar {
    fn from(v: i64) -> Self {
        Scalar::Int(v)
    }
}
impl From<i32> for Scalar {
    fn from(v: i32) -> Self {
        Scalar::Int(v as i64)
    }
}
impl From<bool> for Scalar {
    fn from(v: bool) -> Self {
        Scalar::Bool(v)
    }
}

/// Python's repr: `True`, `3`, `2.5`, `1e-05`, `inf`, `nan`.
impl fmt::Display for Scalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scalar::Bool(true) => write!(f, "True"),
            Scalar::Bool(false) => write!(f, "False"),
            Scalar::Int(i) => write!(f, "{i}"),
            Scalar::Float(x) => write!(f, "{}", python_float_repr(*x)),
        }
    }
}

/// Python's `repr(float)`: the shortest string that reads back as the same double, in
/// scientific notation when the exponent is below -4 or at least 16.
pub fn python_float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    // Rust's `{:e}` gives the shortest round-trip digits: d[.ddd]e[-]X. When the double
    // lies exactly halfway between two such strings Rust may take the upper one, while
    // Python takes the correctly rounded (half-to-even) one: so count the digits, then
    // format to that many exactly.
    let shortest = format!("{x:e}");
    let sig = shortest
        .split('e')
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_ascii_digit())
        .count();
    let exact = format!("{x:.prec$e}", prec = sig.saturating_sub(1));
    let sci = if exact.parse::<f64>() == Ok(x) {
        exact
    } else {
        shortest
    };
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if neg { "-" } else { "" };
    if (-4..16).contains(&exp) {
        let n = digits.len() as i32;
        if exp >= n - 1 {
            let zeros = "0".repeat((exp - (n - 1)) as usize);
            format!("{sign}{digits}{zeros}.0")
        } else if exp >= 0 {
            let (a, b) = digits.split_at(exp as usize + 1);
            format!("{sign}{a}.{b}")
        } else {
            let zeros = "0".repeat((-exp - 1) as usize);
            format!("{sign}0.{zeros}{digits}")
        }
    } else {
        let (a, b) = digits.split_at(1);
        let frac = if b.is_empty() {
            String::new()
        } else {
            format!(".{b}")
        };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{a}{frac}e{esign}{:02}", exp.abs())
    }
}

#[cfg(test)]
mod tests {
    use super::python_float_repr as r;

    #[test]
    fn float_repr_rounds_exact_ties_to_even_as_python() {
        // 0.61585235595703125 is exactly halfway: Python's repr says ...312.
        // 0.61585235595703125 is 645768 / 2^20.
        assert_eq!(r(645768.0 / 1048576.0), "0.6158523559570312");
        assert_eq!(r(0.8101882934570312), "0.8101882934570312");
    }

    #[test]
    fn float_repr_matches_python() {
        assert_eq!(r(0.1), "0.1");
        assert_eq!(r(1.0), "1.0");
        assert_eq!(r(1e16), "1e+16");
        assert_eq!(r(1234567890123456.0), "1234567890123456.0");
        assert_eq!(r(1e-5), "1e-05");
        assert_eq!(r(0.0001), "0.0001");
        assert_eq!(r(-2.5e-7), "-2.5e-07");
        assert_eq!(r(123.456), "123.456");
        assert_eq!(r(1.5e300), "1.5e+300");
        assert_eq!(r(-0.0), "-0.0");
    }
}
