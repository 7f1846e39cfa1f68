//! The primitive elementwise ops, each declared once: its variant, its name (the builtin's
//! name, the error's `op` field and the test's name) and its scalar function. Everything
//! else (sigmoid, relu, softplus, clamp, lerp, isclose …) is composed from these in
//! src/tensor/.

use crate::types::DType;

/// A floating-point element type the float kernels compute in (float16 and bfloat16 are
/// widened to float32 by the caller).
pub trait Float:
    crate::types::Element
    + std::ops::Add<Output = Self>
    + std::ops::Sub<Output = Self>
    + std::ops::Mul<Output = Self>
    + std::ops::Div<Output = Self>
    + std::ops::Neg<Output = Self>
{
    const ONE: Self;
    fn exp(self) -> Self;
    fn exp2(self) -> Self;
    fn exp_m1(self) -> Self;
    fn ln(self) -> Self;
    fn log2(self) -> Self;
    fn log10(self) -> Self;
    fn ln_1p(self) -> Self;
    fn sqrt(self) -> Self;
    fn sin(self) -> Self;
    fn cos(self) -> Self;
    fn tan(self) -> Self;
    fn asin(self) -> Self;
    fn acos(self) -> Self;
    fn atan(self) -> Self;
    fn sinh(self) -> Self;
    fn cosh(self) -> Self;
    fn tanh(self) -> Self;
    fn erf(self) -> Self;
    /// PyTorch's `calc_erfinv`: a rational first guess and two Newton steps.
    fn erfinv(self) -> Self;
    fn floor(self) -> Self;
    fn ceil(self) -> Self;
    fn round_ties_even(self) -> Self;
    fn trunc(self) -> Self;
    fn abs(self) -> Self;
}

macro_rules! impl_float {
    ($t:ty, $erf:path) => {
        impl Float for $t {
            const ONE: Self = 1.0;
            #[inline(always)]
            fn exp(self) -> Self {
                <$t>::exp(self)
            }
            #[inline(always)]
            fn exp2(self) -> Self {
                <$t>::exp2(self)
            }
            #[inline(always)]
            fn exp_m1(self) -> Self {
                <$t>::exp_m1(self)
            }
            #[inline(always)]
            fn ln(self) -> Self {
                <$t>::ln(self)
            }
            #[inline(always)]
            fn log2(self) -> Self {
                <$t>::log2(self)
            }
            #[inline(always)]
            fn log10(self) -> Self {
                <$t>::log10(self)
            }
            #[inline(always)]
            fn ln_1p(self) -> Self {
                <$t>::ln_1p(self)
            }
            #[inline(always)]
            fn sqrt(self) -> Self {
                <$t>::sqrt(self)
            }
            #[inline(always)]
            fn sin(self) -> Self {
                <$t>::sin(self)
            }
            #[inline(always)]
            fn cos(self) -> Self {
                <$t>::cos(self)
            }
            #[inline(always)]
            fn tan(self) -> Self {
                <$t>::tan(self)
            }
            #[inline(always)]
            fn asin(self) -> Self {
                <$t>::asin(self)
            }
            #[inline(always)]
            fn acos(self) -> Self {
                <$t>::acos(self)
            }
            #[inline(always)]
            fn atan(self) -> Self {
                <$t>::atan(self)
            }
            #[inline(always)]
            fn sinh(self) -> Self {
                <$t>::sinh(self)
            }
            #[inline(always)]
            fn cosh(self) -> Self {
                <$t>::cosh(self)
            }
            #[inline(always)]
            fn tanh(self) -> Self {
                <$t>::tanh(self)
            }
            #[inline(always)]
            fn erf(self) -> Self {
                $erf(self)
            }
            // PyTorch's coefficients, the same digits for float and double.
            #[allow(clippy::excessive_precision)]
            fn erfinv(self) -> Self {
                // Pavlis' rational approximation (as PyTorch's calc_erfinv), refined by two
                // Newton steps on erf(x) = y.
                const A: [$t; 4] = [0.886226899, -1.645349621, 0.914624893, -0.140543331];
                const B: [$t; 4] = [-2.118377725, 1.442710462, -0.329097515, 0.012229801];
                const C: [$t; 4] = [-1.970840454, -1.624906493, 3.429567803, 1.641345311];
                const D: [$t; 2] = [3.543889200, 1.637067800];
                let y = self;
                let ya = y.abs();
                if ya > 1.0 || y.is_nan() {
                    return <$t>::NAN;
                }
                if ya == 1.0 {
                    return <$t>::INFINITY.copysign(y);
                }
                let mut x = if ya <= 0.7 {
                    let z = y * y;
                    let num = ((A[3] * z + A[2]) * z + A[1]) * z + A[0];
                    let dem = (((B[3] * z + B[2]) * z + B[1]) * z + B[0]) * z + 1.0;
                    y * num / dem
                } else {
                    let z = (-((1.0 - ya) / 2.0).ln()).sqrt();
                    let num = ((C[3] * z + C[2]) * z + C[1]) * z + C[0];
                    let dem = (D[1] * z + D[0]) * z + 1.0;
                    num.copysign(y) / dem
                };
                let two_over_sqrt_pi = (2.0 as $t) / (std::f64::consts::PI.sqrt() as $t);
                for _ in 0..2 {
                    x -= ($erf(x) - y) / (two_over_sqrt_pi * (-x * x).exp());
                }
                x
            }
            #[inline(always)]
            fn floor(self) -> Self {
                <$t>::floor(self)
            }
            #[inline(always)]
            fn ceil(self) -> Self {
                <$t>::ceil(self)
            }
            #[inline(always)]
            fn round_ties_even(self) -> Self {
                <$t>::round_ties_even(self)
            }
            #[inline(always)]
            fn trunc(self) -> Self {
                <$t>::trunc(self)
            }
            #[inline(always)]
            fn abs(self) -> Self {
                <$t>::abs(self)
            }
        }
    };
}
impl_float!(f32, libm::erff);
impl_float!(f64, libm::erf);

/// Receives an op's scalar function as a concrete, inlinable closure.
pub trait UnaryVisitor<F: Float> {
    type Out;
    fn visit(self, op: UnaryOp, f: impl Fn(F) -> F + Copy + Send + Sync) -> Self::Out;
}

macro_rules! unary_ops {
    ($($variant:ident, $name:literal, |$x:ident| $body:expr;)*) => {
        /// Float → float functions, computed in float32 or float64.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum UnaryOp { $($variant),* }

        impl UnaryOp {
            pub const ALL: &'static [UnaryOp] = &[$(UnaryOp::$variant),*];

            pub fn name(self) -> &'static str {
                match self { $(UnaryOp::$variant => $name),* }
            }

            /// Hands the scalar function of this op to `v`.
            #[inline(always)]
            pub fn visit<F: Float, V: UnaryVisitor<F>>(self, v: V) -> V::Out {
                match self { $(UnaryOp::$variant => v.visit(self, |$x: F| $body)),* }
            }
        }
    };
}

unary_ops! {
    Neg, "neg", |x| -x;
    Abs, "abs", |x| x.abs();
    Exp, "exp", |x| x.exp();
    Exp2, "exp2", |x| x.exp2();
    Expm1, "expm1", |x| x.exp_m1();
    Log, "log", |x| x.ln();
    Log2, "log2", |x| x.log2();
    Log10, "log10", |x| x.log10();
    Log1p, "log1p", |x| x.ln_1p();
    Sqrt, "sqrt", |x| x.sqrt();
    Rsqrt, "rsqrt", |x| F::ONE / x.sqrt();
    Sin, "sin", |x| x.sin();
    Cos, "cos", |x| x.cos();
    Tan, "tan", |x| x.tan();
    Asin, "asin", |x| x.asin();
    Acos, "acos", |x| x.acos();
    Atan, "atan", |x| x.atan();
    Sinh, "sinh", |x| x.sinh();
    Cosh, "cosh", |x| x.cosh();
    Tanh, "tanh", |x| x.tanh();
    Erf, "erf", |x| x.erf();
    Erfinv, "erfinv", |x| x.erfinv();
    Floor, "floor", |x| x.floor();
    Ceil, "ceil", |x| x.ceil();
    Round, "round", |x| x.round_ties_even();
    Trunc, "trunc", |x| x.trunc();
}

macro_rules! simple_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident => $s:literal),* $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),* }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];
            pub fn name(self) -> &'static str { match self { $($name::$variant => $s),* } }
        }
    };
}

simple_enum! {
    /// Binary ops whose result has the (promoted) input type. Scalar functions per dtype
    /// live in src/backend/cpu/num.rs.
    BinaryOp {
        Add => "add", Sub => "sub", Mul => "mul", Div => "div",
        FloorDiv => "floor_divide", Remainder => "remainder", Fmod => "fmod", Pow => "pow",
        Maximum => "maximum", Minimum => "minimum", Atan2 => "atan2",
        BitAnd => "bitwise_and", BitOr => "bitwise_or", BitXor => "bitwise_xor",
        Shl => "bitwise_left_shift", Shr => "bitwise_right_shift",
    }
}

simple_enum! {
    /// Comparisons: any input type, bool result.
    CmpOp { Eq => "eq", Ne => "ne", Lt => "lt", Le => "le", Gt => "gt", Ge => "ge" }
}

impl BinaryOp {
    /// The dtypes the kernels take for this op (after promotion; halves arrive as float32).
    pub fn supports(self, dtype: DType) -> bool {
        use BinaryOp::*;
        match self {
            Add | Mul | Maximum | Minimum => !dtype.is_half(),
            BitAnd | BitOr | BitXor => !dtype.is_float(),
            Sub | FloorDiv | Remainder | Fmod | Pow => {
                dtype.is_int() || matches!(dtype, DType::F32 | DType::F64)
            }
            Div | Atan2 => matches!(dtype, DType::F32 | DType::F64),
            Shl | Shr => dtype.is_int(),
        }
    }
}

simple_enum! {
    /// Reductions over the trailing dimensions of a layout. `ArgMax`/`ArgMin` give int64
    /// positions within the reduced block (the first one on ties; a NaN wins, as in PyTorch).
    ReduceOp {
        Sum => "sum", Prod => "prod", Max => "max", Min => "min",
        ArgMax => "argmax", ArgMin => "argmin",
    }
}

simple_enum! {
    /// Inclusive scans along the last dimension of a layout.
    ScanOp { Sum => "cumsum", Prod => "cumprod" }
}

simple_enum! {
    /// How `put` combines a written value with the one already there (`scatter_reduce`'s
    /// reductions; duplicates combine in index order).
    PutOp { Assign => "assign", Add => "sum", Mul => "prod", Max => "amax", Min => "amin" }
}

/// The geometry of a 2-D sliding window over N×C×H×W input (convolution, pooling, unfold).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window2d {
    pub n: usize,
    pub c: usize,
    pub h: usize,
    pub w: usize,
    pub kh: usize,
    pub kw: usize,
    pub sh: usize,
    pub sw: usize,
    pub ph: usize,
    pub pw: usize,
    pub dh: usize,
    pub dw: usize,
    pub oh: usize,
    pub ow: usize,
}

impl Window2d {
    /// Output length along one axis, using PyTorch's pooling/convolution formula.
    ///
    /// With `ceil_mode` the last window must start inside the input or the left
    /// padding. Returns `None` for zero kernel/stride/dilation or an output < 1.
    pub fn out_size(
        input: usize,
        k: usize,
        s: usize,
        p: usize,
        d: usize,
        ceil_mode: bool,
    ) -> Option<usize> {
        if k == 0 || s == 0 || d == 0 {
            return None;
        }
        let (input, k, s, p, d) = (input as i64, k as i64, s as i64, p as i64, d as i64);
        let num = input + 2 * p - d * (k - 1) - 1 + if ceil_mode { s - 1 } else { 0 };
        let mut out = num.div_euclid(s) + 1;
        if ceil_mode && out >= 1 && (out - 1) * s >= input + p {
            out -= 1;
        }
        usize::try_from(out).ok().filter(|&o| o >= 1)
    }
}

/// Pooling kinds; `Max` also returns each maximum's position within its H×W plane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pool2d {
    Max,
    Avg {
        count_include_pad: bool,
        divisor_override: Option<usize>,
    },
    AdaptiveAvg,
    AdaptiveMax,
}
