//! Attributes and indexing of engine values: `x.shape`, `x.T`, `x[0, 1:]`, `x[:, 0] = v`.

use super::builtins::to_int;
use super::exc::{err, type_err, value_err, R};
use super::interp::Interp;
use super::ops::{scalar_value, tensor_arg};
use super::value::*;
use crate::tensor::Index;
use crate::{Arg, DType, Device, Error, Nested, Scalar, Tensor};

impl Interp {
    /// Attributes of engine values that are not methods: `x.shape`, `x.T`, `d.is_floating_point`.
    pub fn native_attr(&mut self, obj: &Value, name: &str) -> R<Option<Value>> {
        Ok(Some(match (obj, name) {
            (Value::Tensor(t), "shape") => {
                Value::Size(t.shape().iter().map(|&i| i as i64).collect())
            }
            (Value::Tensor(t), "dtype") => Value::DType(t.dtype()),
            (Value::Tensor(t), "device") => Value::Device(t.device()),
            (Value::Tensor(_), "layout") => match self.modules.get("torch") {
                Some(Value::Module(m)) => m
                    .attrs
                    .borrow()
                    .get("strided")
                    .cloned()
                    .unwrap_or(Value::None),
                _ => Value::None,
            },
            (Value::Tensor(t), "ndim") => Value::Int(t.dim() as i64),
            (Value::Tensor(t), "T") => Value::Tensor(t.T()),
            (Value::Tensor(t), "mT") => Value::Tensor(t.mT()?),
            (Value::Tensor(t), "data") => Value::Tensor(t.detach()),
            (Value::Tensor(t), "is_cuda") => Value::Bool(t.device() != Device::Cpu),
            (Value::Tensor(t), "requires_grad") => Value::Bool(t.requires_grad()),
            (Value::Tensor(t), "is_leaf") => Value::Bool(t.is_leaf()),
            (Value::Tensor(t), "retains_grad") => Value::Bool(t.retains_grad()),
            (Value::Tensor(t), "_version") => Value::Int(t.version() as i64),
            (Value::Tensor(t), "grad") => t.grad().map_or(Value::None, Value::Tensor),
            (Value::Tensor(t), "grad_fn") => match t.grad_fn() {
                Some(node) => (self.bindings.grad_fn)(self, &node),
                None => Value::None,
            },
            (Value::Tensor(t), "itemsize") => Value::Int(t.element_size() as i64),
            (Value::Tensor(t), "nbytes") => Value::Int((t.element_size() * t.numel()) as i64),
            (Value::DType(d), "is_floating_point") => Value::Bool(d.is_float()),
            (Value::DType(d), "is_signed") => Value::Bool(!matches!(d, DType::U8 | DType::Bool)),
            (Value::DType(d), "itemsize") => Value::Int(d.size() as i64),
            (Value::Device(d), "type") => Value::str(match d {
                Device::Cpu => "cpu",
                Device::Cuda(_) => "cuda",
            }),
            (Value::Native(n), _) => match n.attr(name) {
                Some(v) => v,
                None => return Ok(None),
            },
            (Value::Device(d), "index") => match d {
                Device::Cpu => Value::None,
                Device::Cuda(i) => Value::Int(*i as i64),
            },
            (Value::Slice(s), "start") => s[0].clone(),
            (Value::Slice(s), "stop") => s[1].clone(),
            (Value::Slice(s), "step") => s[2].clone(),
            (Value::Range(r), "start") => Value::Int(r[0]),
            (Value::Range(r), "stop") => Value::Int(r[1]),
            (Value::Range(r), "step") => Value::Int(r[2]),
            (Value::Int(i), "real" | "numerator") => Value::Int(*i),
            (Value::Int(_), "denominator") => Value::Int(1),
            (Value::Float(f), "real") => Value::Float(*f),
            _ => return Ok(None),
        }))
    }

    pub fn tensor_setattr(&mut self, obj: &Value, name: &str, v: Value) -> R<()> {
        let Value::Tensor(t) = obj else { return Ok(()) };
        match name {
            "data" => {
                let src = tensor(&v, "data")?;
                if src.shape() != t.shape() || src.dtype() != t.dtype() {
                    return Err(err("NotImplementedError", "assigning a .data of another shape or dtype is not supported in nabla; assign the new tensor to the name instead"));
                }
                crate::autograd::no_grad(|| t.copy_(&src).map(|_| ()))?;
                Ok(())
            }
            "requires_grad" => {
                let on = self.truthy(&v)?;
                Ok(t.set_requires_grad(on)?)
            }
            "grad" => match v {
                Value::None => Ok(t.set_grad(None)?),
                Value::Tensor(g) => Ok(t.set_grad(Some(g))?),
                other => Err(err("TypeError", format!("assigned grad expected to be a Tensor or None but got grad of type {}", other.type_name()))),
            },
            _ => Err(err("AttributeError", format!("'Tensor' object has no attribute '{name}' (and nabla tensors take no new attributes)"))),
        }
    }

    /// The items of an index with a tensor or list in it (advanced indexing), else None.
    fn advanced_items(&mut self, index: &Value) -> R<Option<Vec<Index>>> {
        let items: Vec<Value> = match index {
            Value::Tuple(items) => items.to_vec(),
            other => vec![other.clone()],
        };
        let adv = |v: &Value| match v {
            Value::List(_) => true,
            Value::Tensor(x) => {
                !(x.dim() == 0 && !x.dtype().is_float() && x.dtype() != DType::Bool)
            }
            _ => false,
        };
        if !items.iter().any(adv) {
            return Ok(None);
        }
        let get = |v: &Value| -> R<Option<i64>> {
            if matches!(v, Value::None) {
                Ok(None)
            } else {
                to_int(v, "slice index").map(Some)
            }
        };
        let mut out = Vec::with_capacity(items.len());
        for v in &items {
            out.push(match v {
                Value::Int(_) | Value::Bool(_) => Index::Int(to_int(v, "index")?),
                Value::Slice(s) => {
                    let step = get(&s[2])?.unwrap_or(1);
                    if step <= 0 {
                        return Err(value_err("step must be greater than zero"));
                    }
                    Index::Slice(get(&s[0])?, get(&s[1])?, step)
                }
                Value::None => Index::NewAxis,
                Value::Ellipsis => Index::Ellipsis,
                Value::Tensor(x) => Index::Tensor(x.clone()),
                Value::List(_) => Index::Tensor(Tensor::new(&nested(v)?, None)?),
                other => {
                    return Err(err(
                        "IndexError",
                        format!("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got {})", other.type_name()),
                    ))
                }
            });
        }
        Ok(Some(out))
    }

    /// `t[index]`: basic indexing (ints, slices, None, `...`) gives a view; a tensor or list
    /// among the items (advanced indexing, boolean masks) gives a copy.
    pub fn tensor_index(&mut self, t: &Tensor, index: &Value) -> R<Tensor> {
        if let Some(items) = self.advanced_items(index)? {
            return t.index(&items).map_err(index_error);
        }
        let items: Vec<Value> = match index {
            Value::Tuple(items) => items.to_vec(),
            other => vec![other.clone()],
        };
        let consuming = items
            .iter()
            .filter(|v| !matches!(v, Value::None | Value::Ellipsis))
            .count();
        if items
            .iter()
            .filter(|v| matches!(v, Value::Ellipsis))
            .count()
            > 1
        {
            return Err(err(
                "IndexError",
                "an index can only have a single ellipsis ('...')",
            ));
        }
        if consuming > t.dim() {
            return Err(err(
                "IndexError",
                format!("too many indices for tensor of dimension {}", t.dim()),
            ));
        }
        let mut r = t.clone();
        let mut d: i64 = 0;
        for v in &items {
            match v {
                Value::Int(_) | Value::Bool(_) => {
                    let i = to_int(v, "index")?;
                    // Indexing says it as PyTorch's `x[i]` does (select() words it differently).
                    let size = r.shape().get(d as usize).copied().unwrap_or(0) as i64;
                    if i >= size || i < -size {
                        return Err(err(
                            "IndexError",
                            format!("index {i} is out of bounds for dimension {d} with size {size}"),
                        ));
                    }
                    r = r.select(d, i)?;
                }
                Value::Tensor(x) if x.dim() == 0 && !x.dtype().is_float() && x.dtype() != DType::Bool => {
                    r = r.select(d, x.item()?.to_i64())?;
                }
                Value::Slice(s) => {
                    let get = |v: &Value| -> R<Option<i64>> { if matches!(v, Value::None) { Ok(None) } else { to_int(v, "slice index").map(Some) } };
                    let step = get(&s[2])?.unwrap_or(1);
                    if step <= 0 {
                        return Err(value_err("step must be greater than zero"));
                    }
                    r = r.slice(d, get(&s[0])?, get(&s[1])?, step)?;
                    d += 1;
                }
                Value::None => {
                    r = r.unsqueeze(d)?;
                    d += 1;
                }
                Value::Ellipsis => d += (t.dim() - consuming) as i64,
                other => {
                    return Err(err(
                        "IndexError",
                        format!("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got {})", other.type_name()),
                    ))
                }
            }
        }
        Ok(r)
    }

    pub fn tensor_setitem(&mut self, t: &Tensor, index: &Value, v: &Value) -> R<()> {
        if let Some(items) = self.advanced_items(index)? {
            let src = match v {
                Value::Tensor(src) => Arg::from(src.clone()),
                Value::List(_) | Value::Tuple(_) => {
                    Arg::from(Tensor::new(&nested(v)?, Some(t.dtype()))?)
                }
                other => match tensor_arg(other) {
                    Some(a @ Arg::Scalar(_)) => a,
                    _ => {
                        return Err(type_err(format!(
                            "can't assign a {} to a torch tensor",
                            other.type_name()
                        )))
                    }
                },
            };
            let mask_fill = matches!(&src, Arg::Scalar(_))
                && matches!(items.as_slice(), [Index::Tensor(m)] if m.dtype() == crate::DType::Bool);
            t.index_put_(&items, src, false).map_err(index_error)?;
            if mask_fill {
                // PyTorch runs `x[mask] = v` as masked_fill_.
                crate::autograd::rename(t, &[], "MaskedFillBackward0");
            }
            return Ok(());
        }
        let view = self.tensor_index(t, index)?;
        let src = match v {
            Value::Tensor(src) => Arg::from(src.clone()),
            Value::Int(_) | Value::Float(_) | Value::Bool(_) => match tensor_arg(v) {
                Some(Arg::Scalar(s)) => Arg::Scalar(s),
                _ => Arg::Scalar(Scalar::Int(0)),
            },
            Value::List(_) | Value::Tuple(_) => {
                Arg::from(Tensor::new(&nested(v)?, Some(t.dtype()))?)
            }
            other => {
                return Err(type_err(format!(
                    "can't assign a {} to a torch tensor",
                    other.type_name()
                )))
            }
        };
        t.assign_view(view, src)?;
        Ok(())
    }
}

/// Index errors raise IndexError in PyTorch (out of range, too many indices, mask shapes).
fn index_error(e: Error) -> super::exc::Ctrl {
    match &e {
        Error::InvalidArgument { message, .. }
            if message.starts_with("too many indices")
                || message.starts_with("The shape of the mask") =>
        {
            err("IndexError", message.clone())
        }
        _ => e.into(),
    }
}

/// A tensor argument, or a TypeError naming `what`.
pub(crate) fn tensor(v: &Value, what: &str) -> R<Tensor> {
    match v {
        Value::Tensor(t) => Ok(t.clone()),
        _ => Err(type_err(format!(
            "{what} must be Tensor, not {}",
            v.type_name()
        ))),
    }
}

/// Python data (numbers, nested lists and tuples, tensors) as nested scalars, for
/// `torch.tensor` and for assigning a list into a tensor.
pub fn nested(v: &Value) -> R<Nested> {
    if let Some(n) = v.number() {
        return nested(&n);
    }
    Ok(match v {
        Value::Bool(b) => Nested::Scalar(Scalar::Bool(*b)),
        Value::Int(i) => Nested::Scalar(Scalar::Int(*i)),
        Value::Float(f) => Nested::Scalar(Scalar::Float(*f)),
        Value::List(l) => Nested::List(l.borrow().iter().map(nested).collect::<R<_>>()?),
        Value::Tuple(t) => Nested::List(t.iter().map(nested).collect::<R<_>>()?),
        Value::Size(s) => Nested::List(s.iter().map(|&i| Nested::Scalar(Scalar::Int(i))).collect()),
        Value::Tensor(t) => t.tolist()?,
        other => {
            return Err(type_err(format!(
                "Could not infer dtype of {}",
                other.type_name()
            )))
        }
    })
}

/// Nested scalars as Python lists and numbers (`tolist()`).
pub(crate) fn nested_value(n: Nested) -> Value {
    match n {
        Nested::Scalar(s) => scalar_value(s),
        Nested::List(items) => Value::list(items.into_iter().map(nested_value).collect()),
    }
}
