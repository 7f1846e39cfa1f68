//! Elementwise primitives with broadcasting and type promotion: the binary ops, the
//! comparisons, `where`, and the float functions. Each validates once (devices, dtypes,
//! shapes) and hands buffers and layouts to the backend.

use super::graph::{self, GradFn, Val};
use super::order::{output_order, permute_all, unpermute};
use super::promote::result_type_of;
use super::Tensor;
use crate::backend::{BinaryOp, CmpOp, Storage, UnaryOp};
use crate::types::{DType, Device, Dims, Error, Layout, Result, Scalar};
use std::borrow::Cow;

/// An operand: a tensor (borrowed or owned) or a Python scalar, which promotes more weakly
/// than a tensor. Borrowing keeps reference counting off the per-op path.
#[derive(Clone)]
pub enum Arg<'a> {
    Tensor(Cow<'a, Tensor>),
    Scalar(Scalar),
}

impl<'a> From<&'a Tensor> for Arg<'a> {
    fn from(t: &'a Tensor) -> Self {
        Arg::Tensor(Cow::Borrowed(t))
    }
}
impl From<Tensor> for Arg<'_> {
    fn from(t: Tensor) -> Self {
        Arg::Tensor(Cow::Owned(t))
    }
}
impl From<Scalar> for Arg<'_> {
    fn from(s: Scalar) -> Self {
        Arg::Scalar(s)
    }
}
impl From<f64> for Arg<'_> {
    fn from(v: f64) -> Self {
        Arg::Scalar(Scalar::Float(v))
    }
}
impl From<i64> for Arg<'_> {
    fn from(v: i64) -> Self {
        Arg::Scalar(Scalar::Int(v))
    }
}
impl From<i32> for Arg<'_> {
    fn from(v: i32) -> Self {
        Arg::Scalar(Scalar::Int(v as i64))
    }
}
impl From<bool> for Arg<'_> {
    fn from(v: bool) -> Self {
        Arg::Scalar(Scalar::Bool(v))
    }
}

/// An operand borrowed for the duration of one op (no reference counting on the hot path).
#[derive(Clone, Copy)]
pub(super) enum Operand<'a> {
    T(&'a Tensor),
    S(Scalar),
}

impl Arg<'_> {
    pub(super) fn operand(&self) -> Operand<'_> {
        match self {
            Arg::Tensor(t) => Operand::T(t.as_ref()),
            Arg::Scalar(s) => Operand::S(*s),
        }
    }
}

impl<'a> Operand<'a> {
    fn tensor(&self) -> Option<&'a Tensor> {
        match self {
            Operand::T(t) => Some(t),
            Operand::S(_) => None,
        }
    }

    fn shape(&self) -> &'a [usize] {
        match self {
            Operand::T(t) => t.shape(),
            Operand::S(_) => &[],
        }
    }

    /// The operand as a tensor of `dtype` and its layout broadcast to `shape`.
    fn prepare(&self, dtype: DType, shape: &[usize]) -> Result<(Cow<'a, Tensor>, Layout)> {
        let t = match *self {
            Operand::T(t) if t.dtype() == dtype => Cow::Borrowed(t),
            Operand::T(t) => Cow::Owned(t.to_dtype(dtype)?),
            Operand::S(s) => Cow::Owned(Tensor::scalar_as(s, dtype)?),
        };
        let layout = if t.shape() == shape {
            t.layout().clone()
        } else {
            t.layout().broadcast_to(shape)
        };
        Ok((t, layout))
    }

    fn has_zero(&self) -> Result<bool> {
        match self {
            Operand::S(s) => Ok(!s.is_nonzero()),
            Operand::T(t) => {
                let g = t.read();
                g.any_zero(t.layout())
            }
        }
    }
}

/// The broadcast shape of two shapes, or PyTorch's mismatch error.
pub fn broadcast_shapes(op: &'static str, a: &[usize], b: &[usize]) -> Result<Dims> {
    let n = a.len().max(b.len());
    let mut out: Dims = smallvec::smallvec![0; n];
    // PyTorch checks from the last dimension, so its error names the last mismatch.
    for i in (0..n).rev() {
        let da = if i + a.len() >= n {
            a[i + a.len() - n]
        } else {
            1
        };
        let db = if i + b.len() >= n {
            b[i + b.len() - n]
        } else {
            1
        };
        out[i] = if da == db || db == 1 {
            da
        } else if da == 1 {
            db
        } else {
            return Err(Error::BroadcastMismatch {
                op,
                lhs: a.to_vec(),
                rhs: b.to_vec(),
                dim: i,
                out_ndim: n,
            });
        };
    }
    Ok(out)
}

/// Checks that all tensor operands sit on one device.
fn same_device(op: &'static str, args: &[Operand]) -> Result<()> {
    let mut first = None;
    // A 0-dim CPU tensor goes with tensors on any device, as a Python number does
    // (PyTorch's rule; the backend copies its one element over).
    let on_gpu = args
        .iter()
        .filter_map(|a| a.tensor())
        .any(|t| t.device() != Device::Cpu);
    let counts = |t: &&Tensor| !(on_gpu && t.device() == Device::Cpu && t.dim() == 0);
    for t in args.iter().filter_map(|a| a.tensor()).filter(counts) {
        let d = t.device();
        match first {
            None => first = Some(d),
            Some(f) if f != d => return Err(Error::DeviceMismatch { op, lhs: f, rhs: d }),
            _ => {}
        }
    }
    Ok(())
}

/// Runs `f` on the storages of two tensors, locking shared storage once.
fn with2<R>(a: &Tensor, b: &Tensor, f: impl FnOnce(&Storage, &Storage) -> R) -> R {
    let ga = a.read();
    if a.shares_storage(b) {
        return f(&ga, &ga);
    }
    let gb = b.read();
    f(&ga, &gb)
}

/// Runs a kernel over operand layouts (broadcast to `shape`) so that its output comes out in
/// PyTorch's memory order for these operands (see order.rs).
fn run_ordered<const N: usize>(
    shape: &[usize],
    layouts: [&Layout; N],
    kernel: impl FnOnce([&Layout; N]) -> Result<Storage>,
) -> Result<Tensor> {
    match output_order(shape, &layouts) {
        None => Ok(Tensor::from_storage(kernel(layouts)?, shape)),
        Some(order) => {
            let permuted = permute_all(layouts, &order);
            let storage = kernel(std::array::from_fn(|i| &permuted[i]))?;
            Ok(Tensor::from_parts(storage, unpermute(shape, &order)))
        }
    }
}

/// The message PyTorch's dispatcher gives for an op on an unsupported dtype.
fn kernel_name(op: BinaryOp) -> &'static str {
    match op {
        BinaryOp::BitAnd => "bitwise_and_cpu",
        BinaryOp::BitOr => "bitwise_or_cpu",
        BinaryOp::BitXor => "bitwise_xor_cpu",
        BinaryOp::Shl => "lshift_cpu",
        BinaryOp::Shr => "rshift_cpu",
        BinaryOp::FloorDiv => "div_floor_cpu",
        BinaryOp::Remainder => "remainder_cpu",
        BinaryOp::Fmod => "fmod_cpu",
        BinaryOp::Pow => "pow",
        op => op.name(),
    }
}

impl Tensor {
    /// Any binary op on two operands (at least one a tensor): `2 - x` is
    /// `Tensor::binary(BinaryOp::Sub, 2.into(), (&x).into())`.
    pub fn binary(op: BinaryOp, a: Arg<'_>, b: Arg<'_>) -> Result<Tensor> {
        Tensor::binary_op(op, a.operand(), b.operand())
    }

    pub(super) fn binary_op(op: BinaryOp, a: Operand, b: Operand) -> Result<Tensor> {
        let (ta, tb) = (a.tensor(), b.tensor());
        if !graph::records(&[ta, tb]) {
            return Tensor::binary_raw(op, a, b);
        }
        let out = graph::no_grad(|| Tensor::binary_raw(op, a, b))?;
        let val = |o: Operand, keep: bool, r: &mut graph::Rec| match o {
            Operand::T(t) if keep => Val::T(r.save(t)),
            Operand::T(_) => Val::Unsaved,
            Operand::S(s) => Val::Scalar(s.to_f64()),
        };
        graph::record(&[&out], &[ta, tb], |r, _| {
            let (na, nb) = (r.needs(0), r.needs(1));
            // Save what the needed gradients use.
            let (keep_a, keep_b) = match op {
                BinaryOp::Add | BinaryOp::Sub => (false, false),
                BinaryOp::Mul => (nb, na),
                BinaryOp::Div => (nb, na || nb),
                BinaryOp::Remainder | BinaryOp::Fmod => (nb, nb),
                _ => (true, true),
            };
            GradFn::Binary {
                op,
                a: val(a, keep_a, r),
                b: val(b, keep_b, r),
                reversed: ta.is_none(),
            }
        });
        Ok(out)
    }

    fn binary_raw(op: BinaryOp, a: Operand, b: Operand) -> Result<Tensor> {
        // The common case first: two tensors of one dtype, shape and device need no
        // promotion, broadcasting or conversion (measured: 40% of a 1-element add).
        if let (Operand::T(x), Operand::T(y)) = (a, b) {
            let d = x.dtype();
            let checks_zero = d.is_int()
                && matches!(
                    op,
                    BinaryOp::FloorDiv | BinaryOp::Remainder | BinaryOp::Fmod
                );
            if d == y.dtype()
                && x.shape() == y.shape()
                && x.device() == y.device()
                && op.supports(d)
                && !checks_zero
            {
                return run_ordered(x.shape(), [x.layout(), y.layout()], |[lx, ly]| {
                    with2(x, y, |sx, sy| sx.binary(op, lx, sy, ly))
                });
            }
        }
        if a.tensor().is_none() && b.tensor().is_none() {
            return Err(Error::invalid(
                op.name(),
                "expected at least one tensor operand",
            ));
        }
        same_device(op.name(), &[a, b])?;
        let dtype = result_type_of(&[a, b]);
        let shape = broadcast_shapes(op.name(), a.shape(), b.shape())?;
        // The dtype the kernel computes in, and the dtype of the result.
        let (compute, out) = match op {
            BinaryOp::Div | BinaryOp::Atan2 if !dtype.is_float() => (DType::F32, DType::F32),
            _ if dtype.is_half() => (DType::F32, dtype),
            _ => (dtype, dtype),
        };
        match op {
            BinaryOp::Sub if dtype == DType::Bool => return Err(Error::invalid("sub",
                "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.")),
            // Only a Python-scalar exponent is refused; negative tensor exponents give
            // 0 (or ±1 for bases ±1), as in PyTorch.
            BinaryOp::Pow if dtype.is_int() && matches!(b, Operand::S(s) if s.to_f64() < 0.0) => {
                return Err(Error::invalid("pow", "Integers to negative integer powers are not allowed."))
            }
            BinaryOp::FloorDiv | BinaryOp::Remainder | BinaryOp::Fmod
                if compute.is_int() && b.has_zero()? =>
            {
                return Err(Error::ZeroDivision { op: op.name() });
            }
            _ => {}
        }
        if !op.supports(compute) {
            return Err(Error::DTypeUnsupported {
                op: kernel_name(op),
                dtype: compute,
            });
        }
        let (ta, la) = a.prepare(compute, &shape)?;
        let (tb, lb) = b.prepare(compute, &shape)?;
        let result = run_ordered(&shape, [&la, &lb], |[la, lb]| {
            with2(&ta, &tb, |sa, sb| sa.binary(op, la, sb, lb))
        })?;
        if out == compute {
            Ok(result)
        } else {
            result.to_dtype(out)
        }
    }

    /// A comparison, elementwise, after promotion: a bool tensor.
    pub fn compare(op: CmpOp, a: Arg<'_>, b: Arg<'_>) -> Result<Tensor> {
        Tensor::compare_op(op, a.operand(), b.operand())
    }

    fn compare_op(op: CmpOp, a: Operand, b: Operand) -> Result<Tensor> {
        if a.tensor().is_none() && b.tensor().is_none() {
            return Err(Error::invalid(
                op.name(),
                "expected at least one tensor operand",
            ));
        }
        same_device(op.name(), &[a, b])?;
        let dtype = result_type_of(&[a, b]);
        let shape = broadcast_shapes(op.name(), a.shape(), b.shape())?;
        let (ta, la) = a.prepare(dtype, &shape)?;
        let (tb, lb) = b.prepare(dtype, &shape)?;
        run_ordered(&shape, [&la, &lb], |[la, lb]| {
            with2(&ta, &tb, |sa, sb| sa.cmp(op, la, sb, lb))
        })
    }

    /// `torch.where(cond, a, b)`: `a` where `cond` is true, else `b`.
    pub fn where_<'a>(
        cond: &Tensor,
        a: impl Into<Arg<'a>>,
        b: impl Into<Arg<'a>>,
    ) -> Result<Tensor> {
        let (a, b) = (a.into(), b.into());
        let (a, b) = (a.operand(), b.operand());
        let (ta, tb) = (a.tensor(), b.tensor());
        if graph::records(&[ta, tb]) {
            let out = graph::no_grad(|| Tensor::where_raw(cond, a, b))?;
            graph::record(&[&out], &[None, ta, tb], |r, _| GradFn::Where {
                cond: r.save(cond),
            });
            return Ok(out);
        }
        Tensor::where_raw(cond, a, b)
    }

    fn where_raw(cond: &Tensor, a: Operand, b: Operand) -> Result<Tensor> {
        let c = Operand::T(cond);
        same_device("where", &[c, a, b])?;
        if cond.dtype() != DType::Bool {
            return Err(Error::invalid(
                "where",
                format!(
                "where expected condition to be a boolean tensor, but got a tensor with dtype {}",
                cond.dtype().scalar_type_name()
            ),
            ));
        }
        let dtype = result_type_of(&[a, b]);
        let shape = broadcast_shapes("where", cond.shape(), a.shape())?;
        let shape = broadcast_shapes("where", &shape, b.shape())?;
        let (tc, lc) = c.prepare(DType::Bool, &shape)?;
        let (ta, la) = a.prepare(dtype, &shape)?;
        let (tb, lb) = b.prepare(dtype, &shape)?;
        // Shared storage is locked once.
        let ga = ta.read();
        let gb_own = (!tb.shares_storage(&ta)).then(|| tb.read());
        let gb: &Storage = gb_own.as_deref().unwrap_or(&ga);
        let gc_own = (!tc.shares_storage(&ta) && !tc.shares_storage(&tb)).then(|| tc.read());
        let gc: &Storage = match &gc_own {
            Some(g) => g,
            None if tc.shares_storage(&ta) => &ga,
            None => gb,
        };
        run_ordered(&shape, [&lc, &la, &lb], |[lc, la, lb]| {
            gc.where_cond(lc, &ga, la, gb, lb)
        })
    }

    /// A float function: integer and bool inputs give float32, halves compute in float32.
    pub fn unary(&self, op: UnaryOp) -> Result<Tensor> {
        if !graph::records(&[Some(self)]) {
            return self.unary_raw(op);
        }
        let out = graph::no_grad(|| self.unary_raw(op))?;
        graph::record(&[&out], &[Some(self)], |r, outs| {
            use UnaryOp as U;
            let (x, o) = match op {
                U::Exp | U::Exp2 | U::Expm1 | U::Sqrt | U::Rsqrt | U::Tan | U::Tanh | U::Erfinv => {
                    (None, Some(r.save_out(outs[0], 0)))
                }
                U::Neg | U::Floor | U::Ceil | U::Round | U::Trunc => (None, None),
                _ => (Some(r.save(self)), None),
            };
            GradFn::Unary { op, x, out: o }
        });
        Ok(out)
    }

    fn unary_raw(&self, op: UnaryOp) -> Result<Tensor> {
        let dtype = self.dtype();
        let (compute, out) = match dtype {
            DType::F32 | DType::F64 => (dtype, dtype),
            d if d.is_half() => (DType::F32, d),
            _ => (DType::F32, DType::F32),
        };
        let x = self.to_dtype(compute)?;
        let g = x.read();
        run_ordered(x.shape(), [x.layout()], |[l]| g.unary(op, l))?.to_dtype(out)
    }
}

macro_rules! binary_methods {
    ($($name:ident => $op:ident),* $(,)?) => {
        impl Tensor {
            $(
                #[doc = concat!("`torch.", stringify!($name), "(self, other)`, broadcasting.")]
                pub fn $name<'a>(&self, other: impl Into<Arg<'a>>) -> Result<Tensor> {
                    Tensor::binary_op(BinaryOp::$op, Operand::T(self), other.into().operand())
                }
            )*
        }
    };
}
binary_methods! {
    add => Add, sub => Sub, mul => Mul, div => Div, floor_divide => FloorDiv,
    remainder => Remainder, fmod => Fmod, pow => Pow, maximum => Maximum, minimum => Minimum,
    atan2 => Atan2, bitwise_and => BitAnd, bitwise_or => BitOr, bitwise_xor => BitXor,
    bitwise_left_shift => Shl, bitwise_right_shift => Shr,
}

macro_rules! compare_methods {
    ($($name:ident => $op:ident),* $(,)?) => {
        impl Tensor {
            $(
                #[doc = concat!("`torch.", stringify!($name), "(self, other)`: a bool tensor.")]
                pub fn $name<'a>(&self, other: impl Into<Arg<'a>>) -> Result<Tensor> {
                    Tensor::compare_op(CmpOp::$op, Operand::T(self), other.into().operand())
                }
            )*
        }
    };
}
compare_methods! { eq => Eq, ne => Ne, lt => Lt, le => Le, gt => Gt, ge => Ge }

macro_rules! unary_methods {
    ($($name:ident => $op:ident),* $(,)?) => {
        impl Tensor {
            $(
                #[doc = concat!("`torch.", stringify!($name), "(self)`.")]
                pub fn $name(&self) -> Result<Tensor> {
                    self.unary(UnaryOp::$op)
                }
            )*
        }
    };
}
unary_methods! {
    exp => Exp, exp2 => Exp2, expm1 => Expm1, log => Log, log2 => Log2, log10 => Log10,
    log1p => Log1p, sqrt => Sqrt, rsqrt => Rsqrt, sin => Sin, cos => Cos, tan => Tan,
    asin => Asin, acos => Acos, atan => Atan, sinh => Sinh, cosh => Cosh, tanh => Tanh,
    erf => Erf, erfinv => Erfinv,
}
