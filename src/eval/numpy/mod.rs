//! `import numpy as np`: NumPy's arrays, in the same process as the tensors. An `ndarray` is
//! a view of a tensor's storage, so `torch.from_numpy(a)` and `t.numpy()` share memory as
//! they do in PyTorch (`np.add(a, 1, out=a)` changes the tensor). Arrays keep NumPy's own
//! rules: float64 and int64 defaults, NumPy's type promotion, NumPy's printing, and the
//! legacy `np.random` streams.
//!
//! Here: the array and dtype objects, turning values into arrays, NumPy's promotion, and
//! installing the module. `funcs` holds the `np.*` functions, `methods` the array's methods
//! and operators, `format` the printing, `random` the `np.random` module.

mod format;
mod funcs;
mod methods;
mod npz;
mod random;

use crate::eval::lang::builtins::{method_in, to_int, Builtin};
use crate::eval::lang::exc::{type_err, value_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use crate::{DType, Nested, Scalar, Tensor};
use std::rc::Rc;

/// A NumPy array: a tensor's storage seen with NumPy's rules. A NumPy scalar
/// (`np.float64(2.5)`, what reductions and indexing give) is a 0-d one with `scalar` set:
/// it has the array's methods and operators, prints as `np.float64(2.5)`, and stands for
/// its Python number where one is needed.
pub struct NdArray {
    pub t: Tensor,
    pub scalar: bool,
}

impl Native for NdArray {
    fn type_name(&self) -> &'static str {
        if self.scalar {
            format::dtype_name(self.t.dtype())
        } else {
            "ndarray"
        }
    }

    fn repr(&self) -> String {
        if self.scalar {
            return format::scalar_repr(&self.t).unwrap_or_else(|e| format!("<numpy scalar: {e}>"));
        }
        format::array_repr(&self.t).unwrap_or_else(|e| format!("<ndarray: {e}>"))
    }

    fn type_object(&self) -> Option<Value> {
        Some(if self.scalar {
            dtype_value(self.t.dtype(), true)
        } else {
            Value::Native(Rc::new(ArrayType))
        })
    }

    fn number(&self) -> Option<Value> {
        if self.t.dim() == 0 {
            scalar_of(&self.t).ok()
        } else {
            None
        }
    }

    fn str(&self) -> String {
        format::array_str(&self.t).unwrap_or_else(|e| format!("<ndarray: {e}>"))
    }

    fn method(&self, name: &str) -> Option<&'static Builtin> {
        method_in(methods::ARRAY_METHODS, name)
    }

    fn dir(&self) -> Vec<&'static str> {
        let mut names = vec!["T", "dtype", "itemsize", "nbytes", "ndim", "shape", "size"];
        names.extend(methods::ARRAY_METHODS.iter().map(|b| b.name));
        names
    }

    fn attr(&self, name: &str) -> Option<Value> {
        let t = &self.t;
        Some(match name {
            "shape" => Value::tuple(t.shape().iter().map(|&n| Value::Int(n as i64)).collect()),
            "dtype" => dtype_value(t.dtype(), false),
            "ndim" => Value::Int(t.dim() as i64),
            "size" => Value::Int(t.numel() as i64),
            "itemsize" => Value::Int(t.element_size() as i64),
            "nbytes" => Value::Int((t.element_size() * t.numel()) as i64),
            "T" => {
                let dims: Vec<i64> = (0..t.dim() as i64).rev().collect();
                return t.permute(&dims).ok().map(wrap);
            }
            _ => return None,
        })
    }
}

/// `np.ndarray`, the type: for `isinstance` and `type(a)`.
pub struct ArrayType;

impl Native for ArrayType {
    fn type_name(&self) -> &'static str {
        "type"
    }

    fn repr(&self) -> String {
        "<class 'numpy.ndarray'>".into()
    }

    fn method(&self, name: &str) -> Option<&'static Builtin> {
        method_in(methods::TYPE_METHODS, name)
    }

    fn has_instance(&self, v: &Value) -> Option<bool> {
        Some(v.native::<NdArray>().is_some_and(|a| !a.scalar))
    }
}

/// A NumPy dtype (`a.dtype`, `dtype('float64')`) or scalar type (`np.float32`).
pub struct NpDType {
    pub dtype: DType,
    /// `np.float32` itself (a type) rather than `dtype('float32')`.
    pub scalar_type: bool,
}

impl Native for NpDType {
    fn type_name(&self) -> &'static str {
        if self.scalar_type {
            "type"
        } else {
            "dtype"
        }
    }

    fn repr(&self) -> String {
        let name = format::dtype_name(self.dtype);
        if self.scalar_type {
            format!("<class 'numpy.{name}'>")
        } else {
            format!("dtype('{name}')")
        }
    }

    fn str(&self) -> String {
        if self.scalar_type {
            self.repr()
        } else {
            format::dtype_name(self.dtype).to_string()
        }
    }

    fn method(&self, name: &str) -> Option<&'static Builtin> {
        method_in(methods::DTYPE_METHODS, name)
    }

    fn has_instance(&self, v: &Value) -> Option<bool> {
        self.scalar_type.then(|| {
            v.native::<NdArray>()
                .is_some_and(|a| a.scalar && a.t.dtype() == self.dtype)
        })
    }

    fn attr(&self, name: &str) -> Option<Value> {
        Some(match name {
            "name" => Value::str(format::dtype_name(self.dtype)),
            "itemsize" => Value::Int(self.dtype.size() as i64),
            "kind" => Value::str(match self.dtype {
                DType::Bool => "b",
                DType::U8 => "u",
                d if d.is_float() => "f",
                _ => "i",
            }),
            _ => return None,
        })
    }
}

/// The tensor an array's storage makes (`torch.from_numpy`, `torch.as_tensor`): shared,
/// without history.
pub fn shared_tensor(v: &Value) -> Option<Tensor> {
    v.native::<NdArray>().map(|a| a.t.detach())
}

/// `t.numpy()`: the tensor's storage as an array, shared, as PyTorch's errors allow it.
pub fn from_tensor(t: &Tensor) -> R<Value> {
    if t.requires_grad() {
        return Err(crate::eval::lang::exc::err(
            "RuntimeError",
            "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.",
        ));
    }
    if t.device() != crate::Device::Cpu {
        return Err(type_err(format!(
            "can't convert {} device type tensor to numpy. Use Tensor.cpu() to copy the tensor to host memory first.",
            t.device()
        )));
    }
    if t.dtype() == DType::BF16 {
        return Err(type_err("Got unsupported ScalarType BFloat16"));
    }
    Ok(wrap(t.detach()))
}

/// An array as a value (no copy: the value shares the tensor's storage).
pub fn wrap(t: Tensor) -> Value {
    Value::Native(Rc::new(NdArray { t, scalar: false }))
}

/// A NumPy scalar of a 0-d tensor's dtype (`np.int64(6)`).
pub fn scalar(t: Tensor) -> Value {
    Value::Native(Rc::new(NdArray { t, scalar: true }))
}

pub fn array_value(t: Tensor) -> R<Value> {
    Ok(wrap(t))
}

/// A NumPy result: an array, or a NumPy scalar where NumPy returns one (a 0-d result of a
/// reduction, of indexing or of arithmetic).
pub fn result(t: Tensor) -> R<Value> {
    if t.dim() == 0 {
        Ok(scalar(t))
    } else {
        Ok(wrap(t))
    }
}

/// A 0-d array's value as a Python number; a float32 keeps its own shortest digits.
pub fn scalar_of(t: &Tensor) -> R<Value> {
    Ok(match t.item()? {
        Scalar::Bool(b) => Value::Bool(b),
        Scalar::Int(i) => Value::Int(i),
        Scalar::Float(f) => Value::Float(format::as_python_float(f, t.dtype())),
    })
}

pub fn dtype_value(dtype: DType, scalar_type: bool) -> Value {
    Value::Native(Rc::new(NpDType { dtype, scalar_type }))
}

/// A `dtype=` argument: `np.float32`, `'float32'`, `float`, `int`, `bool`, a torch dtype.
pub fn dtype_arg(v: &Value) -> R<DType> {
    if let Some(d) = v.native::<NpDType>() {
        return Ok(d.dtype);
    }
    let name = match v {
        Value::DType(d) => return Ok(*d),
        Value::Str(s) => s.to_string(),
        Value::Builtin(b) => b.name.to_string(),
        _ => String::new(),
    };
    Ok(match name.as_str() {
        "float64" | "float" | "f8" | "double" => DType::F64,
        "float32" | "f4" | "single" => DType::F32,
        "float16" | "f2" | "half" => DType::F16,
        "int64" | "int" | "i8" => DType::I64,
        "int32" | "i4" => DType::I32,
        "int16" | "i2" => DType::I16,
        "int8" | "i1" => DType::I8,
        "uint8" | "u1" => DType::U8,
        "bool" | "bool_" | "?" => DType::Bool,
        _ => {
            return Err(type_err(format!(
                "data type {} not understood (nabla's numpy knows float64, float32, float16, int64, int32, int16, int8, uint8 and bool)",
                match v {
                    Value::Str(s) => format!("'{s}'"),
                    other => other.type_name(),
                }
            )))
        }
    })
}

/// A shape: an int or a tuple/list of ints.
pub fn shape_arg(v: &Value, what: &str) -> R<Vec<usize>> {
    let dims: Vec<i64> = match v {
        Value::Tuple(_) | Value::List(_) | Value::Size(_) => {
            let items: Vec<Value> = match v {
                Value::Tuple(t) => t.to_vec(),
                Value::List(l) => l.borrow().clone(),
                Value::Size(s) => s.iter().map(|&i| Value::Int(i)).collect(),
                _ => Vec::new(),
            };
            items.iter().map(|x| to_int(x, what)).collect::<R<_>>()?
        }
        other => vec![to_int(other, what)?],
    };
    dims.into_iter()
        .map(|d| usize::try_from(d).map_err(|_| value_err("negative dimensions are not allowed")))
        .collect()
}

/// The dtype NumPy gives data read from Python numbers: float64 if any is a float, else
/// int64, or bool when all are bools.
fn inferred_dtype(n: &Nested) -> DType {
    fn walk(n: &Nested, float: &mut bool, int: &mut bool, any: &mut bool) {
        match n {
            Nested::Scalar(Scalar::Float(_)) => {
                *float = true;
                *any = true;
            }
            Nested::Scalar(Scalar::Int(_)) => {
                *int = true;
                *any = true;
            }
            Nested::Scalar(Scalar::Bool(_)) => *any = true,
            Nested::List(items) => items.iter().for_each(|i| walk(i, float, int, any)),
        }
    }
    let (mut float, mut int, mut any) = (false, false, false);
    walk(n, &mut float, &mut int, &mut any);
    if float || !any {
        DType::F64
    } else if int {
        DType::I64
    } else {
        DType::Bool
    }
}

/// Python data with arrays inside (`[a, b]`) as nested scalars, each array's dtype noted.
fn nested_of(v: &Value, dtypes: &mut Vec<DType>) -> R<Nested> {
    if let Some(a) = v.native::<NdArray>() {
        dtypes.push(a.t.dtype());
        return Ok(a.t.tolist()?);
    }
    Ok(match v {
        Value::Tensor(t) => {
            dtypes.push(t.dtype());
            t.tolist()?
        }
        Value::List(l) => Nested::List(
            l.borrow()
                .iter()
                .map(|x| nested_of(x, dtypes))
                .collect::<R<_>>()?,
        ),
        Value::Tuple(t) => Nested::List(t.iter().map(|x| nested_of(x, dtypes)).collect::<R<_>>()?),
        Value::Bool(b) => Nested::Scalar(Scalar::Bool(*b)),
        Value::Int(i) => Nested::Scalar(Scalar::Int(*i)),
        Value::Float(f) => Nested::Scalar(Scalar::Float(*f)),
        other => {
            return Err(type_err(format!(
                "nabla's numpy cannot make an array of {} (numbers, nested lists of them, arrays and tensors work)",
                other.type_name()
            )))
        }
    })
}

/// `np.array(v)`: a new array with a copy of the data (`dtype` or NumPy's inferred one).
pub fn new_array(v: &Value, dtype: Option<DType>) -> R<Tensor> {
    let t = if let Some(a) = v.native::<NdArray>() {
        a.t.clone_data()?
    } else if let Value::Tensor(t) = v {
        if t.requires_grad() {
            return Err(crate::eval::lang::exc::err(
                "RuntimeError",
                "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.",
            ));
        }
        t.detach().clone_data()?
    } else {
        let mut dtypes = Vec::new();
        let n = nested_of(v, &mut dtypes)?;
        let d = dtypes.into_iter().fold(None::<DType>, |acc, d| {
            Some(acc.map_or(d, |a| promote(a, d)))
        });
        let d = match d {
            Some(arrays) => promote(arrays, inferred_dtype(&n)),
            None => inferred_dtype(&n),
        };
        Tensor::new(&n, Some(d))?
    };
    Ok(match dtype {
        Some(d) if d != t.dtype() => t.to_dtype(d)?,
        _ => t,
    })
}

/// An argument as an array: the array itself (shared), or a new one from Python data.
pub fn to_array(v: &Value) -> R<Tensor> {
    match v.native::<NdArray>() {
        Some(a) => Ok(a.t.clone()),
        None => new_array(v, None),
    }
}

/// NumPy's promotion of two array dtypes (`np.result_type`).
pub fn promote(a: DType, b: DType) -> DType {
    use DType::*;
    if a == b {
        return a;
    }
    let rank = |d: DType| match d {
        Bool => 0,
        U8 | I8 | I16 | I32 | I64 => 1,
        _ => 2,
    };
    match (rank(a), rank(b)) {
        (0, _) => b,
        (_, 0) => a,
        (1, 1) => {
            // Signed and unsigned: the smallest signed type holding both.
            let bits = |d: DType| match d {
                U8 | I8 => 8,
                I16 => 16,
                I32 => 32,
                _ => 64,
            };
            let (x, y) = if a == U8 { (b, a) } else { (a, b) };
            if y == U8 {
                match x {
                    I8 | I16 => I16,
                    other => other,
                }
            } else if bits(x) >= bits(y) {
                x
            } else {
                y
            }
        }
        (2, 2) => {
            if a == F64 || b == F64 {
                F64
            } else {
                // float32 with a smaller float, and float16 with bfloat16.
                F32
            }
        }
        _ => {
            let (int, float) = if rank(a) == 1 { (a, b) } else { (b, a) };
            match (int, float) {
                (U8 | I8, f) => f,
                (I16, F16) => F32,
                (I16, f) => f,
                (_, F64) | (I32 | I64, _) => F64,
                (_, f) => f,
            }
        }
    }
}

/// A ufunc's operand: an array, or a Python number (a "weak" scalar that takes the
/// array's dtype where it fits, as NumPy 2 does).
pub enum Operand {
    Array(Tensor),
    Int(i64),
    Float(f64),
    Bool(bool),
}

impl Operand {
    pub fn of(v: &Value) -> R<Operand> {
        Ok(match v {
            Value::Int(i) => Operand::Int(*i),
            Value::Float(f) => Operand::Float(*f),
            Value::Bool(b) => Operand::Bool(*b),
            other => Operand::Array(to_array(other)?),
        })
    }

    /// The value to hand a tensor op, cast to `dtype` when an array.
    pub fn value(&self, dtype: DType) -> R<Value> {
        Ok(match self {
            Operand::Array(t) if t.dtype() == dtype => Value::Tensor(t.clone()),
            Operand::Array(t) => Value::Tensor(t.to_dtype(dtype)?),
            Operand::Int(i) if dtype.is_float() => Value::Float(*i as f64),
            Operand::Int(i) => Value::Int(*i),
            Operand::Float(f) => Value::Float(*f),
            Operand::Bool(b) => Value::Bool(*b),
        })
    }

    pub fn tensor(&self, dtype: DType) -> R<Tensor> {
        Ok(match self {
            Operand::Array(t) if t.dtype() == dtype => t.clone(),
            Operand::Array(t) => t.to_dtype(dtype)?,
            Operand::Int(i) => Tensor::scalar(*i)?.to_dtype(dtype)?,
            Operand::Float(f) => Tensor::scalar(*f)?.to_dtype(dtype)?,
            Operand::Bool(b) => Tensor::scalar(*b)?.to_dtype(dtype)?,
        })
    }
}

/// The dtype NumPy computes `ops` in: arrays promote; a Python int takes an array's dtype
/// (int64 among bools), a Python float an array's float dtype (float64 among ints).
pub fn result_dtype(ops: &[&Operand]) -> DType {
    let arrays = ops.iter().filter_map(|o| match o {
        Operand::Array(t) => Some(t.dtype()),
        _ => None,
    });
    let base = arrays.fold(None::<DType>, |acc, d| {
        Some(acc.map_or(d, |a| promote(a, d)))
    });
    let has_float = ops.iter().any(|o| matches!(o, Operand::Float(_)));
    let has_int = ops.iter().any(|o| matches!(o, Operand::Int(_)));
    match base {
        None => {
            if has_float {
                DType::F64
            } else if has_int {
                DType::I64
            } else {
                DType::Bool
            }
        }
        Some(d) if has_float && !d.is_float() => DType::F64,
        Some(DType::Bool) if has_int => DType::I64,
        Some(d) => d,
    }
}

/// The float dtype a float-valued ufunc (`sqrt`, `/`) computes `d` in.
pub fn float_of(d: DType) -> DType {
    if d.is_float() {
        d
    } else {
        DType::F64
    }
}

impl Interp {
    /// Installs `numpy` and `numpy.random`.
    pub(in crate::eval) fn install_numpy(&mut self) {
        let random = module("numpy.random", &table_entries(random::RANDOM));
        let mut entries = table_entries(funcs::NP);
        for (name, d) in [
            ("float64", DType::F64),
            ("float32", DType::F32),
            ("float16", DType::F16),
            ("int64", DType::I64),
            ("int32", DType::I32),
            ("int16", DType::I16),
            ("int8", DType::I8),
            ("uint8", DType::U8),
            ("bool_", DType::Bool),
        ] {
            entries.push((name, dtype_value(d, true)));
        }
        entries.extend([
            ("pi", Value::Float(std::f64::consts::PI)),
            ("e", Value::Float(std::f64::consts::E)),
            ("inf", Value::Float(f64::INFINITY)),
            ("nan", Value::Float(f64::NAN)),
            ("newaxis", Value::None),
            ("ndarray", Value::Native(Rc::new(ArrayType))),
            ("random", random.clone()),
        ]);
        for (name, b) in [("True_", true), ("False_", false)] {
            if let Ok(t) = Tensor::scalar(b) {
                entries.push((name, scalar(t)));
            }
        }
        let np = module("numpy", &entries);
        self.modules.insert("numpy".into(), np);
        self.modules.insert("numpy.random".into(), random);
    }
}
