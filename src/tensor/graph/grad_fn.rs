//! What a graph node can be: one [`GradFn`] variant per differentiable op, holding the
//! saved values its derivative needs, and PyTorch's name for it (`MulBackward0`).

use super::*;

/// Which extreme-value reduction (max/min of all elements, amax/amin, median of all).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Extreme {
    Max,
    Min,
    Amax,
    Amin,
    Median,
}

/// How a matrix product was called.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatKind {
    Mm,
    Bmm,
    Mv,
    Dot,
}

macro_rules! grad_fns {
    ($( $(#[$m:meta])* $variant:ident $({ $($field:ident : $ty:ty),* $(,)? })? ),* $(,)?) => {
        /// Every op autograd records, with what its derivative needs.
        #[derive(Debug)]
        pub enum GradFn {
            $( $(#[$m])* $variant $({ $($field: $ty),* })? ),*
        }

        impl GradFn {
            /// The variants' names: the gradient check covers every one.
            pub const VARIANTS: &'static [&'static str] = &[$(stringify!($variant)),*];

            /// This variant's name (an entry of `VARIANTS`).
            pub fn variant(&self) -> &'static str {
                match self { $(GradFn::$variant { .. } => stringify!($variant)),* }
            }
        }
    };
}

grad_fns! {
    /// A float function of one tensor (UnaryOp): `x` and/or `out` saved.
    Unary { op: UnaryOp, x: Option<S>, out: Option<S> },
    /// A binary op; `reversed` when the tensor came second after a scalar (`2 - x`).
    Binary { op: BinaryOp, a: Val, b: Val, reversed: bool },
    Sign,
    Reciprocal { out: S },
    Sigmoid { out: S },
    Relu { out: S },
    Gelu { x: S, tanh: bool },
    Silu { x: S },
    Softplus { x: S, beta: f64, threshold: f64 },
    Elu { x: S, alpha: f64 },
    LeakyRelu { x: S, slope: f64 },
    /// `clamp(min, max)`: the bounds are scalars or saved tensors.
    Clamp { x: S, min: Option<Val>, max: Option<Val> },
    Where { cond: S },
    MaskedFill { mask: S, tensor_value: bool },
    /// A dtype conversion (or device move): the gradient converts back.
    ToCopy,
    /// A move from `device` (`x.to("cuda")`): the gradient moves back.
    ToDevice { device: crate::types::Device },
    Clone,
    Sum { dims: Option<Vec<usize>>, keepdim: bool },
    Mean { dims: Option<Vec<usize>>, keepdim: bool },
    Prod { x: S, out: S, dim: Option<(usize, bool)> },
    /// max()/min()/amax/amin/median(): the gradient is shared evenly between ties.
    Extreme { kind: Extreme, x: S, out: S, dims: Option<Vec<usize>>, keepdim: bool },
    /// An op that picks elements along `dim` by `indices` (max(dim), sort, topk, kthvalue,
    /// median(dim), cummax): the gradient goes back to the picked places.
    Picked { name: &'static str, dim: usize, indices: S, keepdim: bool },
    Var { x: S, dims: Option<Vec<usize>>, correction: f64, keepdim: bool },
    Std { x: S, out: S, dims: Option<Vec<usize>>, correction: f64, keepdim: bool },
    Norm { x: S, out: S, p: f64, dims: Option<Vec<usize>>, keepdim: bool },
    Logsumexp { x: S, out: S, dims: Vec<usize>, keepdim: bool },
    Cumsum { dim: usize },
    Softmax { out: S, dim: usize },
    LogSoftmax { out: S, dim: usize },
    /// view/reshape/flatten (`name`: ViewBackward0, UnsafeViewBackward0 …).
    View { name: &'static str },
    Permute { dims: Vec<usize> },
    Transpose { d0: usize, d1: usize, t: bool },
    Expand,
    Squeeze { name: &'static str },
    Unsqueeze { dim: usize },
    Select { dim: usize, index: usize },
    Slice { dim: usize, start: usize, len: usize, step: usize },
    Diagonal { offset: i64, d1: usize, d2: usize },
    /// split/chunk/unbind: one node, many outputs.
    Split { name: &'static str, dim: usize, sizes: Vec<usize>, keep_dim: bool },
    /// Elements read at flat offsets of the input (indexing, gather, index_select, take,
    /// masked_select, flip, roll, reflect/replicate pads, nearest resampling, max pools).
    Take { name: &'static str, offsets: S },
    /// The gradient of a `Take`: values summed into zeros at flat offsets.
    Untake { offsets: S },
    /// A matrix product.
    /// `transposed[i]`: operand `i` was a transposed matrix (`w.t()`); its gradient is
    /// computed in that layout, as PyTorch does, so `.grad` of `w` comes out contiguous.
    Mat { kind: MatKind, a: Option<S>, b: Option<S>, transposed: [bool; 2] },
    Addmm { m1: Option<S>, m2: Option<S>, beta: Scalar, alpha: Scalar, batched: bool, transposed: [bool; 2] },
    Conv { x: S, w: S, stride: [usize; 2], padding: [usize; 2], dilation: [usize; 2], groups: usize, pad_extra: [usize; 2], one_d: bool },
    Cat { dim: usize },
    Stack { dim: usize },
    /// `x.cumprod(dim)`.
    Cumprod { x: S, out: S, dim: usize },
    /// avg_pool2d / adaptive_avg_pool2d: `out = ah @ x @ awᵀ` over the last two dims, the
    /// pooling matrices (`[oh, h]`, `[ow, w]`) saved.
    AvgPool { ah: S, aw: S, adaptive: bool },
    /// `F.unfold`: sliding blocks of a `size` image.
    Im2col { size: [usize; 2], kernel: [usize; 2], dilation: [usize; 2], padding: [usize; 2], stride: [usize; 2] },
    /// `F.fold`: blocks summed back into an image.
    Col2im { kernel: [usize; 2], dilation: [usize; 2], padding: [usize; 2], stride: [usize; 2] },
    /// `linalg.det`.
    Det { x: S, out: S },
    /// `linalg.inv`.
    Inv { out: S },
    /// `linalg.solve(A, B)`; `vector` when B was a (batch of) vector(s).
    Solve { a: S, out: S, vector: bool },
    /// A write at flat `offsets` of the input (index_put_, scatter_, index_add_, `x[i] = v`):
    /// `assign` replaces what was there, otherwise the values are added.
    Put { name: &'static str, offsets: S, assign: bool },
    /// A result that is piecewise constant in its inputs (`div(…, rounding_mode=…)`):
    /// zero gradients, as PyTorch gives.
    Rounded { name: &'static str },
    /// `x.copy_(src)` into a tensor with history.
    Copy,
    /// `x.fill_(v)` / `x.zero_()` on a tensor with history.
    Fill,
}

impl GradFn {
    /// PyTorch's name for the node (`grad_fn=<MulBackward0>`).
    pub fn name(&self) -> &'static str {
        use GradFn as G;
        match self {
            G::Unary { op, .. } => match op {
                UnaryOp::Neg => "NegBackward0",
                UnaryOp::Abs => "AbsBackward0",
                UnaryOp::Exp => "ExpBackward0",
                UnaryOp::Exp2 => "Exp2Backward0",
                UnaryOp::Expm1 => "Expm1Backward0",
                UnaryOp::Log => "LogBackward0",
                UnaryOp::Log2 => "Log2Backward0",
                UnaryOp::Log10 => "Log10Backward0",
                UnaryOp::Log1p => "Log1PBackward0",
                UnaryOp::Sqrt => "SqrtBackward0",
                UnaryOp::Rsqrt => "RsqrtBackward0",
                UnaryOp::Sin => "SinBackward0",
                UnaryOp::Cos => "CosBackward0",
                UnaryOp::Tan => "TanBackward0",
                UnaryOp::Asin => "AsinBackward0",
                UnaryOp::Acos => "AcosBackward0",
                UnaryOp::Atan => "AtanBackward0",
                UnaryOp::Sinh => "SinhBackward0",
                UnaryOp::Cosh => "CoshBackward0",
                UnaryOp::Tanh => "TanhBackward0",
                UnaryOp::Erf => "ErfBackward0",
                UnaryOp::Erfinv => "ErfinvBackward0",
                UnaryOp::Floor => "FloorBackward0",
                UnaryOp::Ceil => "CeilBackward0",
                UnaryOp::Round => "RoundBackward0",
                UnaryOp::Trunc => "TruncBackward0",
            },
            G::Binary {
                op, b, reversed, ..
            } => {
                let scalar = matches!(b, Val::Scalar(_));
                match (op, reversed) {
                    (BinaryOp::Add, _) => "AddBackward0",
                    (BinaryOp::Sub, true) => "RsubBackward1",
                    (BinaryOp::Sub, false) => "SubBackward0",
                    (BinaryOp::Mul, _) => "MulBackward0",
                    (BinaryOp::Div, true) => "MulBackward0",
                    (BinaryOp::Div, false) => "DivBackward0",
                    (BinaryOp::Pow, true) => "PowBackward2",
                    (BinaryOp::Pow, false) if scalar => "PowBackward0",
                    (BinaryOp::Pow, false) => "PowBackward1",
                    (BinaryOp::Maximum, _) => "MaximumBackward0",
                    (BinaryOp::Minimum, _) => "MinimumBackward0",
                    (BinaryOp::Atan2, _) => "Atan2Backward0",
                    (BinaryOp::Remainder, _) if scalar => "RemainderBackward0",
                    (BinaryOp::Remainder, _) => "RemainderBackward1",
                    (BinaryOp::Fmod, _) if scalar => "FmodBackward0",
                    (BinaryOp::Fmod, _) => "FmodBackward1",
                    (BinaryOp::FloorDiv, _) => "torch::autograd::NotImplemented",
                    _ => "BinaryBackward0",
                }
            }
            G::Sign => "SignBackward0",
            G::Reciprocal { .. } => "ReciprocalBackward0",
            G::Sigmoid { .. } => "SigmoidBackward0",
            G::Relu { .. } => "ReluBackward0",
            G::Gelu { .. } => "GeluBackward0",
            G::Silu { .. } => "SiluBackward0",
            G::Softplus { .. } => "SoftplusBackward0",
            G::Elu { .. } => "EluBackward0",
            G::LeakyRelu { .. } => "LeakyReluBackward0",
            G::Clamp { min, max, .. } => match (min, max) {
                (Some(Val::Scalar(_)) | None, Some(Val::Scalar(_)) | None) => "ClampBackward1",
                _ => "ClampBackward0",
            },
            G::Where { .. } => "WhereBackward0",
            G::MaskedFill { tensor_value, .. } => {
                if *tensor_value {
                    "MaskedFillBackward1"
                } else {
                    "MaskedFillBackward0"
                }
            }
            G::ToCopy | G::ToDevice { .. } => "ToCopyBackward0",
            G::Clone => "CloneBackward0",
            G::Sum { dims, .. } => match dims {
                None => "SumBackward0",
                Some(_) => "SumBackward1",
            },
            G::Mean { dims, .. } => match dims {
                None => "MeanBackward0",
                Some(_) => "MeanBackward1",
            },
            G::Prod { dim, .. } => match dim {
                None => "ProdBackward0",
                Some(_) => "ProdBackward1",
            },
            G::Extreme { kind, .. } => match kind {
                Extreme::Max => "MaxBackward1",
                Extreme::Min => "MinBackward1",
                Extreme::Amax => "AmaxBackward0",
                Extreme::Amin => "AminBackward0",
                Extreme::Median => "MedianBackward0",
            },
            G::Picked { name, .. } => name,
            G::Var { .. } => "VarBackward0",
            G::Std { .. } => "StdBackward0",
            G::Norm { .. } => "LinalgVectorNormBackward0",
            G::Logsumexp { .. } => "LogsumexpBackward0",
            G::Cumsum { .. } => "CumsumBackward0",
            G::Softmax { .. } => "SoftmaxBackward0",
            G::LogSoftmax { .. } => "LogSoftmaxBackward0",
            G::View { name } => name,
            G::Permute { .. } => "PermuteBackward0",
            G::Transpose { t, .. } => {
                if *t {
                    "TBackward0"
                } else {
                    "TransposeBackward0"
                }
            }
            G::Expand => "ExpandBackward0",
            G::Squeeze { name } => name,
            G::Unsqueeze { .. } => "UnsqueezeBackward0",
            G::Select { .. } => "SelectBackward0",
            G::Slice { .. } => "SliceBackward0",
            G::Diagonal { .. } => "DiagonalBackward0",
            G::Split { name, .. } => name,
            G::Take { name, .. } => name,
            G::Mat { kind, .. } => match kind {
                MatKind::Mm => "MmBackward0",
                MatKind::Bmm => "BmmBackward0",
                MatKind::Mv => "MvBackward0",
                MatKind::Dot => "DotBackward0",
            },
            G::Addmm { batched, .. } => {
                if *batched {
                    "BaddbmmBackward0"
                } else {
                    "AddmmBackward0"
                }
            }
            G::Conv { .. } => "ConvolutionBackward0",
            G::Cat { .. } => "CatBackward0",
            G::Stack { .. } => "StackBackward0",
            G::Untake { .. } => "TakeBackwardBackward0",
            G::Cumprod { .. } => "CumprodBackward0",
            G::AvgPool {
                adaptive: false, ..
            } => "AvgPool2DBackward0",
            G::AvgPool { adaptive: true, .. } => "AdaptiveAvgPool2DBackward0",
            G::Im2col { .. } => "Im2ColBackward0",
            G::Col2im { .. } => "Col2ImBackward0",
            G::Det { .. } => "LinalgDetBackward0",
            G::Inv { .. } => "LinalgInvExBackward0",
            G::Solve { .. } => "LinalgSolveExBackward0",
            G::Put { name, .. } | G::Rounded { name } => name,
            G::Copy => "CopyBackwards",
            G::Fill => "FillBackward0",
        }
    }
}
