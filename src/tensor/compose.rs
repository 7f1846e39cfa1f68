//! Ops composed from the primitives, so they need no kernel of their own (and, later, no
//! backward rule): activations, clamp, lerp, masks, rounding, NaN handling, closeness.

use super::graph::{self, GradFn, Val};
use super::{Arg, Tensor};
use crate::backend::{BinaryOp, UnaryOp};
use crate::types::{DType, Error, Result, Scalar};

impl Tensor {
    /// The input as a float tensor (int and bool become float32).
    fn float_input(&self) -> Result<Tensor> {
        if self.dtype().is_float() {
            Ok(self.clone())
        } else {
            self.to_dtype(DType::F32)
        }
    }

    /// `-x`.
    pub fn neg(&self) -> Result<Tensor> {
        match self.dtype() {
            DType::Bool => Err(Error::invalid("neg",
                "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")),
            d if d.is_float() => self.unary(UnaryOp::Neg),
            _ => Tensor::binary(BinaryOp::Sub, Arg::Scalar(Scalar::Int(0)), self.into()),
        }
    }

    /// `x.abs()`.
    pub fn abs(&self) -> Result<Tensor> {
        match self.dtype() {
            DType::Bool => Err(Error::DTypeUnsupported {
                op: "abs_cpu",
                dtype: DType::Bool,
            }),
            d if d.is_float() => self.unary(UnaryOp::Abs),
            _ => self.maximum(&self.neg()?),
        }
    }

    /// `x.sign()`: -1, 0 or 1 in `x`'s dtype (0 for NaN).
    pub fn sign(&self) -> Result<Tensor> {
        if self.dtype() == DType::Bool {
            return self.clone_data();
        }
        let d = self.dtype();
        graph::op(
            &[Some(self)],
            || self.gt(0)?.to_dtype(d)?.sub(&self.lt(0)?.to_dtype(d)?),
            |_, _| GradFn::Sign,
        )
    }

    fn float_or_copy(&self, op: UnaryOp) -> Result<Tensor> {
        if self.dtype().is_float() {
            self.unary(op)
        } else {
            self.clone_data()
        }
    }

    /// `x.floor()`; integers come back unchanged.
    pub fn floor(&self) -> Result<Tensor> {
        self.float_or_copy(UnaryOp::Floor)
    }

    /// `x.ceil()`.
    pub fn ceil(&self) -> Result<Tensor> {
        self.float_or_copy(UnaryOp::Ceil)
    }

    /// `x.trunc()`.
    pub fn trunc(&self) -> Result<Tensor> {
        self.float_or_copy(UnaryOp::Trunc)
    }

    /// `x.round()`: half to even.
    pub fn round(&self) -> Result<Tensor> {
        self.float_or_copy(UnaryOp::Round)
    }

    /// `x.round(decimals=d)`: half to even at the `d`-th decimal (negative `d` rounds to
    /// tens, hundreds …).
    fn round_decimals_composed(&self, decimals: i64) -> Result<Tensor> {
        if decimals == 0 || !self.dtype().is_float() {
            return self.round();
        }
        let p = 10f64.powi(decimals.unsigned_abs() as i32);
        if decimals > 0 {
            self.mul(p)?.round()?.div(p)
        } else {
            self.div(p)?.round()?.mul(p)
        }
    }

    /// Autograd names the node as PyTorch does (see `graph::rename`).
    pub fn round_decimals(&self, decimals: i64) -> Result<Tensor> {
        let out = self.round_decimals_composed(decimals)?;
        Ok(super::graph::rename(&out, &[self], "RoundBackward1"))
    }

    /// `x.frac()`: `x - trunc(x)`.
    fn frac_composed(&self) -> Result<Tensor> {
        self.sub(&self.trunc()?)
    }

    /// Autograd names the node as PyTorch does (see `graph::rename`).
    pub fn frac(&self) -> Result<Tensor> {
        let out = self.frac_composed()?;
        Ok(super::graph::rename(&out, &[self], "FracBackward0"))
    }

    /// `x.reciprocal()`: `1 / x`.
    pub fn reciprocal(&self) -> Result<Tensor> {
        graph::op(
            &[Some(self)],
            || {
                Tensor::binary(
                    BinaryOp::Div,
                    Arg::Scalar(Scalar::Float(1.0)),
                    self.float_input()?.into(),
                )
            },
            |r, o| GradFn::Reciprocal {
                out: r.save_out(o[0], 0),
            },
        )
    }

    /// `x.square()`.
    pub fn square(&self) -> Result<Tensor> {
        if self.dtype().is_float() {
            return self.pow(2);
        }
        self.mul(self)
    }

    /// `torch.sigmoid(x)`: `1 / (1 + exp(-x))`.
    pub fn sigmoid(&self) -> Result<Tensor> {
        graph::op(
            &[Some(self)],
            || self.float_input()?.neg()?.exp()?.add(1.0)?.reciprocal(),
            |r, o| GradFn::Sigmoid {
                out: r.save_out(o[0], 0),
            },
        )
    }

    /// `torch.relu(x)`: `max(x, 0)`, keeping NaN.
    fn relu_raw(&self) -> Result<Tensor> {
        if self.dtype() == DType::Bool {
            return Err(Error::DTypeUnsupported {
                op: "clamp_min_cpu",
                dtype: DType::Bool,
            });
        }
        self.maximum(0)
    }

    /// `F.gelu(x, approximate='none'|'tanh')`.
    fn gelu_raw(&self, approximate: &str) -> Result<Tensor> {
        let x = self.float_input()?;
        let inner = match approximate {
            "none" => x.mul(std::f64::consts::FRAC_1_SQRT_2)?.erf()?,
            "tanh" => {
                let k = (2.0 / std::f64::consts::PI).sqrt();
                x.add(&x.mul(&x)?.mul(&x)?.mul(0.044715)?)?.mul(k)?.tanh()?
            }
            other => {
                return Err(Error::invalid(
                    "gelu",
                    format!("approximate argument must be either none or tanh. (got '{other}')"),
                ))
            }
        };
        x.mul(0.5)?.mul(&inner.add(1.0)?)
    }

    /// `F.silu(x)`: `x * sigmoid(x)`.
    fn silu_raw(&self) -> Result<Tensor> {
        let x = self.float_input()?;
        x.mul(&x.sigmoid()?)
    }

    /// `F.softplus(x, beta, threshold)`: `log(1 + exp(beta x)) / beta`, linear above the
    /// threshold.
    fn softplus_raw(&self, beta: f64, threshold: f64) -> Result<Tensor> {
        let x = self.float_input()?;
        let bx = x.mul(beta)?;
        let soft = bx.exp()?.log1p()?.div(beta)?;
        Tensor::where_(&bx.gt(threshold)?, &x, &soft)
    }

    /// `F.elu(x, alpha)`.
    fn elu_raw(&self, alpha: f64) -> Result<Tensor> {
        let x = self.float_input()?;
        Tensor::where_(&x.gt(0)?, &x, x.expm1()?.mul(alpha)?)
    }

    /// `F.leaky_relu(x, negative_slope)`.
    fn leaky_relu_raw(&self, negative_slope: f64) -> Result<Tensor> {
        let x = self.float_input()?;
        Tensor::where_(&x.gt(0)?, &x, x.mul(negative_slope)?)
    }

    /// `x.clamp(min, max)` (also `clip`): promotes with the bounds, keeps NaN.
    fn clamp_raw(&self, min: Option<Arg<'_>>, max: Option<Arg<'_>>) -> Result<Tensor> {
        if min.is_none() && max.is_none() {
            return Err(Error::invalid(
                "clamp",
                "torch.clamp: At least one of 'min' or 'max' must not be None",
            ));
        }
        let mut x = self.clone();
        if let Some(lo) = min {
            x = Tensor::binary(BinaryOp::Maximum, x.into(), lo)?;
        }
        if let Some(hi) = max {
            x = Tensor::binary(BinaryOp::Minimum, x.into(), hi)?;
        }
        Ok(x)
    }

    /// `torch.lerp(start, end, weight)`: `start + weight * (end - start)`, computed from the
    /// nearer end as PyTorch does.
    fn lerp_composed<'a>(&self, end: &Tensor, weight: impl Into<Arg<'a>>) -> Result<Tensor> {
        if !self.dtype().is_float() || self.dtype() != end.dtype() {
            return Err(Error::DTypeMismatch {
                op: "lerp",
                lhs: self.dtype(),
                rhs: end.dtype(),
                message: format!(
                    "expected dtype {} for `end` but got dtype {}",
                    self.dtype(),
                    end.dtype()
                ),
            });
        }
        let w = match weight.into() {
            Arg::Scalar(s) => Tensor::scalar_as(s, self.dtype())?,
            Arg::Tensor(t) => t.into_owned(),
        };
        let diff = end.sub(self)?;
        let low = self.add(&w.mul(&diff)?)?;
        let high =
            end.sub(&diff.mul(&Tensor::binary(BinaryOp::Sub, 1.0.into(), (&w).into())?)?)?;
        Tensor::where_(&w.abs()?.lt(0.5)?, &low, &high)
    }

    /// Autograd names the node as PyTorch does (see `graph::rename`).
    pub fn lerp<'a>(&self, end: &Tensor, weight: impl Into<Arg<'a>>) -> Result<Tensor> {
        let weight = weight.into();
        let name = match &weight {
            Arg::Tensor(_) => "LerpBackward1",
            Arg::Scalar(_) => "LerpBackward0",
        };
        let out = self.lerp_composed(end, weight)?;
        Ok(super::graph::rename(&out, &[self, end], name))
    }

    /// `x.masked_fill(mask, value)`: `value` where `mask` is true; keeps `x`'s dtype.
    fn masked_fill_raw<'a>(&self, mask: &Tensor, value: impl Into<Arg<'a>>) -> Result<Tensor> {
        if mask.dtype() != DType::Bool {
            return Err(Error::invalid(
                "masked_fill",
                format!(
                    "masked_fill_ only supports boolean masks, but got mask with dtype {}",
                    mask.dtype().cpp_name()
                ),
            ));
        }
        let v = match value.into() {
            Arg::Scalar(s) => Tensor::scalar_as(s, self.dtype())?,
            Arg::Tensor(t) if t.dim() == 0 => t.to_dtype(self.dtype())?,
            Arg::Tensor(t) => return Err(Error::invalid("masked_fill", format!(
                "masked_fill_ only supports a 0-dimensional value tensor, but got tensor with {} dimension(s).", t.dim()
            ))),
        };
        Tensor::where_(mask, &v, self)
    }

    /// `x.isnan()`.
    pub fn isnan(&self) -> Result<Tensor> {
        if self.dtype().is_float() {
            self.ne(self)
        } else {
            Tensor::zeros(self.shape(), DType::Bool)
        }
    }

    /// `x.isinf()`.
    pub fn isinf(&self) -> Result<Tensor> {
        if self.dtype().is_float() {
            self.abs()?.eq(f64::INFINITY)
        } else {
            Tensor::zeros(self.shape(), DType::Bool)
        }
    }

    /// `x.isfinite()`.
    pub fn isfinite(&self) -> Result<Tensor> {
        if self.dtype().is_float() {
            self.abs()?.lt(f64::INFINITY)
        } else {
            Tensor::ones(self.shape(), DType::Bool)
        }
    }

    /// `x.nan_to_num(nan=0.0, posinf=None, neginf=None)`: infinities become the dtype's
    /// largest finite values unless given.
    fn nan_to_num_composed(
        &self,
        nan: f64,
        posinf: Option<f64>,
        neginf: Option<f64>,
    ) -> Result<Tensor> {
        let d = self.dtype();
        if !d.is_float() {
            return self.clone_data();
        }
        let pos = posinf.unwrap_or(d.max_finite());
        let neg = neginf.unwrap_or(-d.max_finite());
        let x = self.masked_fill(&self.isnan()?, nan)?;
        let x = x.masked_fill(&self.eq(f64::INFINITY)?, pos)?;
        x.masked_fill(&self.eq(f64::NEG_INFINITY)?, neg)
    }

    /// Autograd names the node as PyTorch does (see `graph::rename`).
    pub fn nan_to_num(&self, nan: f64, posinf: Option<f64>, neginf: Option<f64>) -> Result<Tensor> {
        let out = self.nan_to_num_composed(nan, posinf, neginf)?;
        Ok(super::graph::rename(&out, &[self], "NanToNumBackward0"))
    }

    /// `torch.isclose(a, b, rtol, atol, equal_nan)`: `|a - b| <= atol + rtol * |b|`.
    pub fn isclose(&self, other: &Tensor, rtol: f64, atol: f64, equal_nan: bool) -> Result<Tensor> {
        if self.dtype() != other.dtype() {
            return Err(Error::DTypeMismatch {
                op: "isclose",
                lhs: self.dtype(),
                rhs: other.dtype(),
                message: format!(
                    "{} did not match {}",
                    self.dtype().scalar_type_name(),
                    other.dtype().scalar_type_name()
                ),
            });
        }
        let mut close = self.eq(other)?;
        if equal_nan && self.dtype().is_float() {
            close = close.logical_or(&self.isnan()?.logical_and(&other.isnan()?)?)?;
        }
        if self.dtype().is_float() {
            let allowed = other.abs()?.mul(rtol)?.add(atol)?;
            let actual = self.sub(other)?.abs()?;
            close = close.logical_or(&actual.isfinite()?.logical_and(&actual.le(&allowed)?)?)?;
        }
        Ok(close)
    }

    /// `torch.allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)`.
    pub fn allclose(&self, other: &Tensor, rtol: f64, atol: f64, equal_nan: bool) -> Result<bool> {
        self.isclose(other, rtol, atol, equal_nan)?.all_true()
    }

    /// `torch.equal(a, b)`: same shape and the same values.
    pub fn equal(&self, other: &Tensor) -> Result<bool> {
        if self.shape() != other.shape() {
            return Ok(false);
        }
        self.eq(other)?.all_true()
    }

    /// Whether every element is nonzero (true for an empty tensor).
    pub fn all_true(&self) -> Result<bool> {
        let b = self.to_dtype(DType::Bool)?;
        let g = b.read();
        Ok(!g.any_zero(b.layout())?)
    }

    /// `torch.logical_not(x)`.
    pub fn logical_not(&self) -> Result<Tensor> {
        self.eq(Tensor::scalar_as(Scalar::Int(0), self.dtype())?)
    }

    /// `torch.logical_and(a, b)`.
    pub fn logical_and(&self, other: &Tensor) -> Result<Tensor> {
        self.to_dtype(DType::Bool)?
            .bitwise_and(&other.to_dtype(DType::Bool)?)
    }

    /// `torch.logical_or(a, b)`.
    pub fn logical_or(&self, other: &Tensor) -> Result<Tensor> {
        self.to_dtype(DType::Bool)?
            .bitwise_or(&other.to_dtype(DType::Bool)?)
    }

    /// `torch.logical_xor(a, b)`.
    pub fn logical_xor(&self, other: &Tensor) -> Result<Tensor> {
        self.to_dtype(DType::Bool)?
            .bitwise_xor(&other.to_dtype(DType::Bool)?)
    }

    /// `~x`: bitwise not of integers, logical not of bools.
    pub fn bitwise_not(&self) -> Result<Tensor> {
        match self.dtype() {
            DType::Bool => self.logical_not(),
            d if d.is_int() => self.bitwise_xor(Tensor::scalar_as(Scalar::Int(-1), d)?),
            d => Err(Error::DTypeUnsupported {
                op: "bitwise_not_cpu",
                dtype: d,
            }),
        }
    }
}

/// The activations and clamps as autograd records them.
impl Tensor {
    /// `torch.relu(x)`: `max(x, 0)`, keeping NaN.
    pub fn relu(&self) -> Result<Tensor> {
        graph::op(
            &[Some(self)],
            || self.relu_raw(),
            |r, o| GradFn::Relu {
                out: r.save_out(o[0], 0),
            },
        )
    }

    /// `F.gelu(x, approximate='none'|'tanh')`.
    pub fn gelu(&self, approximate: &str) -> Result<Tensor> {
        graph::op(
            &[Some(self)],
            || self.gelu_raw(approximate),
            |r, _| GradFn::Gelu {
                x: r.save(self),
                tanh: approximate == "tanh",
            },
        )
    }

    /// `F.silu(x)`: `x * sigmoid(x)`.
    pub fn silu(&self) -> Result<Tensor> {
        graph::op(
            &[Some(self)],
            || self.silu_raw(),
            |r, _| GradFn::Silu { x: r.save(self) },
        )
    }

    /// `F.softplus(x, beta, threshold)`: `log(1 + exp(beta x)) / beta`, linear above the
    /// threshold.
    pub fn softplus(&self, beta: f64, threshold: f64) -> Result<Tensor> {
        graph::op(
            &[Some(self)],
            || self.softplus_raw(beta, threshold),
            |r, _| GradFn::Softplus {
                x: r.save(self),
                beta,
                threshold,
            },
        )
    }

    /// `F.elu(x, alpha)`.
    pub fn elu(&self, alpha: f64) -> Result<Tensor> {
        graph::op(
            &[Some(self)],
            || self.elu_raw(alpha),
            |r, _| GradFn::Elu {
                x: r.save(self),
                alpha,
            },
        )
    }

    /// `F.leaky_relu(x, negative_slope)`.
    pub fn leaky_relu(&self, negative_slope: f64) -> Result<Tensor> {
        graph::op(
            &[Some(self)],
            || self.leaky_relu_raw(negative_slope),
            |r, _| GradFn::LeakyRelu {
                x: r.save(self),
                slope: negative_slope,
            },
        )
    }

    /// `x.clamp(min, max)` (also `clip`): promotes with the bounds, keeps NaN.
    pub fn clamp(&self, min: Option<Arg<'_>>, max: Option<Arg<'_>>) -> Result<Tensor> {
        let bound = |a: &Option<Arg<'_>>| match a {
            Some(Arg::Tensor(t)) => Some(t.as_ref().clone()),
            _ => None,
        };
        let (lo, hi) = (bound(&min), bound(&max));
        let val = |a: &Option<Arg<'_>>, t: &Option<Tensor>, r: &mut graph::Rec| {
            a.as_ref().map(|a| match (a, t) {
                (_, Some(t)) => Val::T(r.save(t)),
                (Arg::Scalar(s), None) => Val::Scalar(s.to_f64()),
                (Arg::Tensor(_), None) => Val::Unsaved,
            })
        };
        let (vmin, vmax) = (min.clone(), max.clone());
        graph::op(
            &[Some(self), lo.as_ref(), hi.as_ref()],
            || self.clamp_raw(min, max),
            |r, _| GradFn::Clamp {
                x: r.save(self),
                min: val(&vmin, &lo, r),
                max: val(&vmax, &hi, r),
            },
        )
    }

    /// `x.masked_fill(mask, value)`: `value` where `mask` is true; keeps `x`'s dtype.
    pub fn masked_fill<'a>(&self, mask: &Tensor, value: impl Into<Arg<'a>>) -> Result<Tensor> {
        let value = value.into();
        let vt = match &value {
            Arg::Tensor(t) => Some(t.as_ref().clone()),
            Arg::Scalar(_) => None,
        };
        graph::op(
            &[Some(self), None, vt.as_ref()],
            || self.masked_fill_raw(mask, value),
            |r, _| GradFn::MaskedFill {
                mask: r.save(mask),
                tensor_value: vt.is_some(),
            },
        )
    }
}
