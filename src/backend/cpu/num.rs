//! Scalar functions of the binary ops, per element type, with PyTorch's semantics: integer
//! arithmetic wraps, floor division and remainder take the divisor's sign (Python's rule),
//! fmod takes the dividend's, maximum/minimum propagate NaN, shifts past the width saturate.

use crate::types::Element;

pub trait Num: Element {
    fn add(a: Self, b: Self) -> Self;
    fn sub(a: Self, b: Self) -> Self;
    fn mul(a: Self, b: Self) -> Self;
    fn div(a: Self, b: Self) -> Self;
    fn floor_div(a: Self, b: Self) -> Self;
    fn remainder(a: Self, b: Self) -> Self;
    fn fmod(a: Self, b: Self) -> Self;
    fn pow(a: Self, b: Self) -> Self;
    fn maximum(a: Self, b: Self) -> Self;
    fn minimum(a: Self, b: Self) -> Self;
    fn atan2(a: Self, b: Self) -> Self;
    fn bitand(a: Self, b: Self) -> Self;
    fn bitor(a: Self, b: Self) -> Self;
    fn bitxor(a: Self, b: Self) -> Self;
    fn shl(a: Self, b: Self) -> Self;
    fn shr(a: Self, b: Self) -> Self;
    fn is_zero(self) -> bool;
}

macro_rules! int_num {
    ($t:ty, $u:ty) => {
        #[allow(unused_comparisons)]
        impl Num for $t {
            #[inline(always)]
            fn add(a: Self, b: Self) -> Self {
                a.wrapping_add(b)
            }
            #[inline(always)]
            fn sub(a: Self, b: Self) -> Self {
                a.wrapping_sub(b)
            }
            #[inline(always)]
            fn mul(a: Self, b: Self) -> Self {
                a.wrapping_mul(b)
            }
            // True division of integers is computed in floating point by the caller.
            #[inline(always)]
            fn div(a: Self, b: Self) -> Self {
                Self::floor_div(a, b)
            }
            #[inline(always)]
            fn floor_div(a: Self, b: Self) -> Self {
                if b == 0 {
                    return 0;
                } // the caller reports ZeroDivisionError first
                let q = a.wrapping_div(b);
                if (a.wrapping_rem(b) != 0) && ((a < 0) != (b < 0)) {
                    q.wrapping_sub(1)
                } else {
                    q
                }
            }
            #[inline(always)]
            fn remainder(a: Self, b: Self) -> Self {
                if b == 0 {
                    return 0;
                }
                let r = a.wrapping_rem(b);
                if r != 0 && ((r < 0) != (b < 0)) {
                    r.wrapping_add(b)
                } else {
                    r
                }
            }
            #[inline(always)]
            fn fmod(a: Self, b: Self) -> Self {
                if b == 0 {
                    0
                } else {
                    a.wrapping_rem(b)
                }
            }
            #[inline(always)]
            #[allow(unused_comparisons)]
            fn pow(a: Self, b: Self) -> Self {
                if b < 0 {
                    // 1^-n = 1, (-1)^-n = ±1, every other integer base gives 0 (truncation).
                    return if a == 1 {
                        1
                    } else if a == (0 as $t).wrapping_sub(1) && a != 0 as $t {
                        if b % 2 == 0 {
                            1
                        } else {
                            a
                        }
                    } else {
                        0
                    };
                }
                let (mut base, mut e, mut acc) = (a, b as u64, 1 as $t);
                while e > 0 {
                    if e & 1 == 1 {
                        acc = acc.wrapping_mul(base);
                    }
                    base = base.wrapping_mul(base);
                    e >>= 1;
                }
                acc
            }
            #[inline(always)]
            fn maximum(a: Self, b: Self) -> Self {
                if a > b {
                    a
                } else {
                    b
                }
            }
            #[inline(always)]
            fn minimum(a: Self, b: Self) -> Self {
                if a < b {
                    a
                } else {
                    b
                }
            }
            #[inline(always)]
            fn atan2(a: Self, b: Self) -> Self {
                (a as f64).atan2(b as f64) as $t
            }
            #[inline(always)]
            fn bitand(a: Self, b: Self) -> Self {
                a & b
            }
            #[inline(always)]
            fn bitor(a: Self, b: Self) -> Self {
                a | b
            }
            #[inline(always)]
            fn bitxor(a: Self, b: Self) -> Self {
                a ^ b
            }
            #[inline(always)]
            #[allow(unused_comparisons)]
            fn shl(a: Self, b: Self) -> Self {
                let bits = <$t>::BITS as $t;
                if b < 0 || b >= bits {
                    0
                } else {
                    ((a as $u) << b) as $t
                }
            }
            #[inline(always)]
            #[allow(unused_comparisons)]
            fn shr(a: Self, b: Self) -> Self {
                let bits = <$t>::BITS as $t;
                if b < 0 || b >= bits {
                    if a < 0 {
                        !0
                    } else {
                        0
                    }
                } else {
                    a >> b
                }
            }
            #[inline(always)]
            fn is_zero(self) -> bool {
                self == 0
            }
        }
    };
}
int_num!(u8, u8);
int_num!(i8, u8);
int_num!(i16, u16);
int_num!(i32, u32);
int_num!(i64, u64);

macro_rules! float_num {
    ($t:ty) => {
        impl Num for $t {
            #[inline(always)]
            fn add(a: Self, b: Self) -> Self {
                a + b
            }
            #[inline(always)]
            fn sub(a: Self, b: Self) -> Self {
                a - b
            }
            #[inline(always)]
            fn mul(a: Self, b: Self) -> Self {
                a * b
            }
            #[inline(always)]
            fn div(a: Self, b: Self) -> Self {
                a / b
            }
            #[inline(always)]
            fn floor_div(a: Self, b: Self) -> Self {
                if b == 0.0 {
                    return a / b;
                }
                let m = a % b;
                let mut d = (a - m) / b;
                if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
                    d -= 1.0;
                }
                if d == 0.0 {
                    return (0.0 as $t).copysign(a / b);
                }
                let f = d.floor();
                if d - f > 0.5 {
                    f + 1.0
                } else {
                    f
                }
            }
            #[inline(always)]
            fn remainder(a: Self, b: Self) -> Self {
                let m = a % b;
                if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
                    m + b
                } else {
                    m
                }
            }
            #[inline(always)]
            fn fmod(a: Self, b: Self) -> Self {
                a % b
            }
            #[inline(always)]
            fn pow(a: Self, b: Self) -> Self {
                if b == 2.0 {
                    a * a
                } else {
                    a.powf(b)
                }
            }
            #[inline(always)]
            fn maximum(a: Self, b: Self) -> Self {
                if a.is_nan() || a > b {
                    a
                } else if b.is_nan() {
                    b
                } else {
                    b
                }
            }
            #[inline(always)]
            fn minimum(a: Self, b: Self) -> Self {
                if a.is_nan() || a < b {
                    a
                } else {
                    b
                }
            }
            #[inline(always)]
            fn atan2(a: Self, b: Self) -> Self {
                a.atan2(b)
            }
            // Bitwise ops on floats are rejected before the kernel runs.
            #[inline(always)]
            fn bitand(_: Self, _: Self) -> Self {
                0.0
            }
            #[inline(always)]
            fn bitor(_: Self, _: Self) -> Self {
                0.0
            }
            #[inline(always)]
            fn bitxor(_: Self, _: Self) -> Self {
                0.0
            }
            #[inline(always)]
            fn shl(_: Self, _: Self) -> Self {
                0.0
            }
            #[inline(always)]
            fn shr(_: Self, _: Self) -> Self {
                0.0
            }
            #[inline(always)]
            fn is_zero(self) -> bool {
                self == 0.0
            }
        }
    };
}
float_num!(f32);
float_num!(f64);

impl Num for bool {
    #[inline(always)]
    fn add(a: Self, b: Self) -> Self {
        a | b
    }
    #[inline(always)]
    fn sub(a: Self, b: Self) -> Self {
        a ^ b
    }
    #[inline(always)]
    fn mul(a: Self, b: Self) -> Self {
        a & b
    }
    #[inline(always)]
    fn div(a: Self, b: Self) -> Self {
        a & b
    }
    #[inline(always)]
    fn floor_div(a: Self, b: Self) -> Self {
        a & b
    }
    #[inline(always)]
    fn remainder(_: Self, _: Self) -> Self {
        false
    }
    #[inline(always)]
    fn fmod(_: Self, _: Self) -> Self {
        false
    }
    #[inline(always)]
    fn pow(a: Self, b: Self) -> Self {
        a | !b
    }
    #[inline(always)]
    fn maximum(a: Self, b: Self) -> Self {
        a | b
    }
    #[inline(always)]
    fn minimum(a: Self, b: Self) -> Self {
        a & b
    }
    #[inline(always)]
    fn atan2(a: Self, b: Self) -> Self {
        a & !b
    }
    #[inline(always)]
    fn bitand(a: Self, b: Self) -> Self {
        a & b
    }
    #[inline(always)]
    fn bitor(a: Self, b: Self) -> Self {
        a | b
    }
    #[inline(always)]
    fn bitxor(a: Self, b: Self) -> Self {
        a ^ b
    }
    #[inline(always)]
    fn shl(a: Self, b: Self) -> Self {
        a & !b
    }
    #[inline(always)]
    fn shr(a: Self, b: Self) -> Self {
        a & !b
    }
    #[inline(always)]
    fn is_zero(self) -> bool {
        !self
    }
}

#[cfg(test)]
mod tests {
    use super::Num;

    #[test]
    fn python_division_semantics() {
        // Python: -7 // 2 == -4, -7 % 2 == 1, 7 % -2 == -1; C: fmod(-7, 2) == -1.
        assert_eq!(i64::floor_div(-7, 2), -4);
        assert_eq!(i64::remainder(-7, 2), 1);
        assert_eq!(i64::remainder(7, -2), -1);
        assert_eq!(i64::fmod(-7, 2), -1);
        assert_eq!(f64::floor_div(-7.5, 2.0), -4.0);
        assert_eq!(f64::remainder(-7.5, 2.0), 0.5);
        assert_eq!(f32::floor_div(1.0, 0.0), f32::INFINITY);
        assert!(
            <f64 as Num>::maximum(f64::NAN, 1.0).is_nan()
                && <f64 as Num>::maximum(1.0, f64::NAN).is_nan()
        );
        assert_eq!(i64::shr(-8, 70), -1);
        assert_eq!(i32::shl(1, 31), i32::MIN);
        assert_eq!(u8::pow(3, 5), 243);
    }
}
