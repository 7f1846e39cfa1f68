//! Operators: Python's int, float, str and container semantics, tensor dispatch, and user
//! classes' dunder methods.

use super::exc::{err, type_err, R};
use super::interp::Interp;
use super::value::*;
use crate::backend::{BinaryOp as TB, CmpOp as TC};
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};
use crate::{Arg, Scalar};
use std::borrow::Cow;
use std::cell::RefCell;
use std::cmp::Ordering;
use std::rc::Rc;

/// A value as a tensor operand, if it can be one.
pub fn tensor_arg(v: &Value) -> Option<Arg<'_>> {
    Some(match v {
        Value::Tensor(t) => Arg::Tensor(Cow::Borrowed(t)),
        Value::Int(i) => Arg::Scalar(Scalar::Int(*i)),
        Value::Float(f) => Arg::Scalar(Scalar::Float(*f)),
        Value::Bool(b) => Arg::Scalar(Scalar::Bool(*b)),
        _ => return None,
    })
}

/// Refuses sequences too big to build (`"a" * 10**12`) before allocating.
pub fn check_len(n: i64, item_bytes: usize) -> R<usize> {
    let n = n.max(0) as u128;
    if n * item_bytes.max(1) as u128 > 1u128 << 34 {
        return Err(err(
            "MemoryError",
            format!("a sequence of {n} items is too large to build"),
        ));
    }
    Ok(n as usize)
}

fn overflow(op: &str) -> super::exc::Ctrl {
    err(
        "OverflowError",
        format!("integer overflow in `{op}`: nabla's int is 64-bit (-2**63 to 2**63-1); use a float for bigger values"),
    )
}

fn dunder(op: BinOp) -> (&'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__"),
        BinOp::Sub => ("__sub__", "__rsub__"),
        BinOp::Mul => ("__mul__", "__rmul__"),
        BinOp::MatMul => ("__matmul__", "__rmatmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__"),
        BinOp::Pow => ("__pow__", "__rpow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__"),
        BinOp::BitAnd => ("__and__", "__rand__"),
        BinOp::BitOr => ("__or__", "__ror__"),
        BinOp::BitXor => ("__xor__", "__rxor__"),
    }
}

fn tensor_op(op: BinOp) -> Option<TB> {
    Some(match op {
        BinOp::Add => TB::Add,
        BinOp::Sub => TB::Sub,
        BinOp::Mul => TB::Mul,
        BinOp::Div => TB::Div,
        BinOp::FloorDiv => TB::FloorDiv,
        BinOp::Mod => TB::Remainder,
        BinOp::Pow => TB::Pow,
        BinOp::LShift => TB::Shl,
        BinOp::RShift => TB::Shr,
        BinOp::BitAnd => TB::BitAnd,
        BinOp::BitOr => TB::BitOr,
        BinOp::BitXor => TB::BitXor,
        BinOp::MatMul => return None,
    })
}

pub fn int_floordiv(a: i64, b: i64) -> R<i64> {
    if b == 0 {
        return Err(err(
            "ZeroDivisionError",
            "integer division or modulo by zero",
        ));
    }
    let q = a.checked_div(b).ok_or_else(|| overflow("//"))?;
    Ok(if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    })
}

pub fn int_mod(a: i64, b: i64) -> R<i64> {
    if b == 0 {
        return Err(err("ZeroDivisionError", "integer modulo by zero"));
    }
    let r = a.checked_rem(b).unwrap_or(0);
    Ok(if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    })
}

pub fn float_mod(a: f64, b: f64) -> R<f64> {
    if b == 0.0 {
        return Err(err("ZeroDivisionError", "float modulo"));
    }
    let r = a % b;
    Ok(if r != 0.0 && ((r < 0.0) != (b < 0.0)) {
        r + b
    } else if r == 0.0 {
        0.0f64.copysign(b)
    } else {
        r
    })
}

pub fn int_pow(a: i64, b: i64) -> R<Value> {
    if b < 0 {
        if a == 0 {
            return Err(err(
                "ZeroDivisionError",
                "0.0 cannot be raised to a negative power",
            ));
        }
        return Ok(Value::Float((a as f64).powf(b as f64)));
    }
    let e = u32::try_from(b).map_err(|_| overflow("**"))?;
    a.checked_pow(e)
        .map(Value::Int)
        .ok_or_else(|| overflow("**"))
}

fn float_pow(a: f64, b: f64) -> R<f64> {
    if a == 0.0 && b < 0.0 {
        return Err(err(
            "ZeroDivisionError",
            "0.0 cannot be raised to a negative power",
        ));
    }
    if a < 0.0 && b.fract() != 0.0 {
        return Err(err(
            "ValueError",
            "a negative number to a fractional power is a complex number, which nabla does not have",
        ));
    }
    Ok(a.powf(b))
}

impl Interp {
    pub fn binary(&mut self, op: BinOp, a: Value, b: Value) -> R<Value> {
        use Value::*;
        match (&a, &b) {
            (Int(x), Int(y)) => return int_binary(op, *x, *y),
            (Float(_) | Int(_) | Bool(_), Float(_) | Int(_) | Bool(_)) => {
                if let (Bool(x), Bool(y)) = (&a, &b) {
                    match op {
                        BinOp::BitAnd => return Ok(Bool(*x & *y)),
                        BinOp::BitOr => return Ok(Bool(*x | *y)),
                        BinOp::BitXor => return Ok(Bool(*x ^ *y)),
                        _ => {}
                    }
                }
                if matches!(a, Float(_)) || matches!(b, Float(_)) {
                    let (x, y) = (a.as_number().unwrap_or(0.0), b.as_number().unwrap_or(0.0));
                    if let Some(r) = float_binary(op, x, y) {
                        return r.map(Float);
                    }
                } else {
                    let x = if let Bool(v) = a {
                        v as i64
                    } else if let Int(v) = a {
                        v
                    } else {
                        0
                    };
                    let y = if let Bool(v) = b {
                        v as i64
                    } else if let Int(v) = b {
                        v
                    } else {
                        0
                    };
                    return int_binary(op, x, y);
                }
            }
            (Tensor(_), _) | (_, Tensor(_)) => {
                if let (Some(x), Some(y), Some(top)) =
                    (tensor_arg(&a), tensor_arg(&b), tensor_op(op))
                {
                    return Ok(Tensor(crate::Tensor::binary(top, x, y)?));
                }
                if op == BinOp::MatMul {
                    return match (&a, &b) {
                        (Tensor(x), Tensor(y)) => Ok(Tensor(x.matmul(y)?)),
                        _ => Err(type_err(format!(
                            "unsupported operand type(s) for @: '{}' and '{}'",
                            a.type_name(),
                            b.type_name()
                        ))),
                    };
                }
            }
            (Str(x), Str(y)) if op == BinOp::Add => {
                let mut s = String::with_capacity(x.len() + y.len());
                s.push_str(x);
                s.push_str(y);
                return Ok(Value::str(&s));
            }
            (Str(x), Int(n)) | (Int(n), Str(x)) if op == BinOp::Mul => {
                let n = check_len(n.saturating_mul(x.len().max(1) as i64), 1)? / x.len().max(1);
                return Ok(Value::str(&x.repeat(n)));
            }
            (Str(x), _) if op == BinOp::Mod => {
                let r = super::format::percent_format(self, x, &b)?;
                return Ok(Value::str(&r));
            }
            (List(x), List(y)) if op == BinOp::Add => {
                let mut v = x.borrow().clone();
                v.extend(y.borrow().iter().cloned());
                return Ok(Value::list(v));
            }
            (List(x), Int(n)) | (Int(n), List(x)) if op == BinOp::Mul => {
                let src = x.borrow();
                check_len(n.saturating_mul(src.len() as i64), 16)?;
                let mut v = Vec::with_capacity(src.len() * (*n).max(0) as usize);
                for _ in 0..(*n).max(0) {
                    v.extend(src.iter().cloned());
                }
                return Ok(Value::list(v));
            }
            (Tuple(x), Tuple(y)) if op == BinOp::Add => {
                let mut v = x.to_vec();
                v.extend(y.iter().cloned());
                return Ok(Value::tuple(v));
            }
            (Tuple(x), Int(n)) | (Int(n), Tuple(x)) if op == BinOp::Mul => {
                check_len(n.saturating_mul(x.len() as i64), 16)?;
                let mut v = Vec::new();
                for _ in 0..(*n).max(0) {
                    v.extend(x.iter().cloned());
                }
                return Ok(Value::tuple(v));
            }
            (Set(x), Set(y)) => {
                let (x, y) = (x.borrow(), y.borrow());
                let d: super::value::Dict = match op {
                    BinOp::BitOr => x
                        .iter()
                        .chain(y.iter())
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect(),
                    BinOp::BitAnd => x
                        .iter()
                        .filter(|(k, _)| y.contains_key(*k))
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect(),
                    BinOp::Sub => x
                        .iter()
                        .filter(|(k, _)| !y.contains_key(*k))
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect(),
                    BinOp::BitXor => x
                        .iter()
                        .filter(|(k, _)| !y.contains_key(*k))
                        .chain(y.iter().filter(|(k, _)| !x.contains_key(*k)))
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect(),
                    _ => return Err(self.unsupported(op, &a, &b)),
                };
                return Ok(Set(Rc::new(RefCell::new(d))));
            }
            (Dict(x), Dict(y)) if op == BinOp::BitOr => {
                let mut d = x.borrow().clone();
                for (k, v) in y.borrow().iter() {
                    d.insert(k.clone(), v.clone());
                }
                return Ok(Value::dict(d));
            }
            _ => {}
        }
        let (name, rname) = dunder(op);
        if let Some(f) = a.special(name) {
            let r = self.call(&f, vec![a.clone(), b.clone()], vec![])?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if let Some(f) = b.special(rname) {
            let r = self.call(&f, vec![b.clone(), a.clone()], vec![])?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
        Err(self.unsupported(op, &a, &b))
    }

    fn unsupported(&self, op: BinOp, a: &Value, b: &Value) -> super::exc::Ctrl {
        use Value::*;
        match (op, a, b) {
            (BinOp::Add, Str(_), _) => type_err(format!(
                "can only concatenate str (not \"{}\") to str",
                b.type_name()
            )),
            (BinOp::Add, List(_), _) => type_err(format!(
                "can only concatenate list (not \"{}\") to list",
                b.type_name()
            )),
            (BinOp::Add, Tuple(_), _) => type_err(format!(
                "can only concatenate tuple (not \"{}\") to tuple",
                b.type_name()
            )),
            (BinOp::Mul, Str(_) | List(_) | Tuple(_), _)
            | (BinOp::Mul, _, Str(_) | List(_) | Tuple(_)) => {
                let other = if matches!(a, Str(_) | List(_) | Tuple(_)) {
                    b
                } else {
                    a
                };
                type_err(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    other.type_name()
                ))
            }
            _ => type_err(format!(
                "unsupported operand type(s) for {}: '{}' and '{}'",
                op.symbol(),
                a.type_name(),
                b.type_name()
            )),
        }
    }

    /// `a op= b`: tensors and lists change in place (so other names see it), others rebind.
    pub fn inplace_op(&mut self, op: BinOp, a: Value, b: Value) -> R<Value> {
        match (&a, &b) {
            (Value::Tensor(t), _) => {
                let Some(arg) = tensor_arg(&b) else {
                    return self.binary(op, a.clone(), b.clone());
                };
                match op {
                    BinOp::Add => t.add_(arg)?,
                    BinOp::Sub => t.sub_(arg)?,
                    BinOp::Mul => t.mul_(arg)?,
                    BinOp::Div => t.div_(arg)?,
                    BinOp::FloorDiv => t.floor_divide_(arg)?,
                    BinOp::Mod => t.remainder_(arg)?,
                    BinOp::Pow => t.pow_(arg)?,
                    BinOp::BitAnd => t.bitwise_and_(arg)?,
                    BinOp::BitOr => t.bitwise_or_(arg)?,
                    BinOp::BitXor => t.bitwise_xor_(arg)?,
                    _ => return self.binary(op, a.clone(), b.clone()),
                };
                Ok(a)
            }
            (Value::List(l), _) if op == BinOp::Add => {
                let items = self.collect(&b)?;
                l.borrow_mut().extend(items);
                Ok(a)
            }
            (Value::Set(s), Value::Set(_))
                if matches!(op, BinOp::BitOr | BinOp::BitAnd | BinOp::Sub) =>
            {
                let r = self.binary(op, a.clone(), b.clone())?;
                if let Value::Set(n) = r {
                    *s.borrow_mut() = n.borrow().clone();
                }
                Ok(a)
            }
            (Value::Instance(_) | Value::Native(_), _) => {
                let name = format!("__i{}", &dunder(op).0[2..]);
                if let Some(f) = a.special(&name) {
                    return self.call(&f, vec![a.clone(), b], vec![]);
                }
                self.binary(op, a, b)
            }
            _ => self.binary(op, a, b),
        }
    }

    pub fn unary(&mut self, op: UnaryOp, v: Value) -> R<Value> {
        use Value::*;
        Ok(match (op, &v) {
            (UnaryOp::Not, _) => Bool(!self.truthy(&v)?),
            (UnaryOp::Neg, Int(i)) => Int(i.checked_neg().ok_or_else(|| overflow("-"))?),
            (UnaryOp::Neg, Bool(b)) => Int(-(*b as i64)),
            (UnaryOp::Neg, Float(f)) => Float(-f),
            (UnaryOp::Pos, Int(_) | Float(_)) => v,
            (UnaryOp::Pos, Bool(b)) => Int(*b as i64),
            (UnaryOp::Invert, Int(i)) => Int(!i),
            (UnaryOp::Invert, Bool(b)) => Int(!(*b as i64)),
            (UnaryOp::Neg, Tensor(t)) => Tensor(t.neg()?),
            (UnaryOp::Pos, Tensor(_)) => v,
            (UnaryOp::Invert, Tensor(t)) => Tensor(t.bitwise_not()?),
            (_, Instance(_) | Native(_)) => {
                let name = match op {
                    UnaryOp::Neg => "__neg__",
                    UnaryOp::Pos => "__pos__",
                    _ => "__invert__",
                };
                match v.special(name) {
                    Some(f) => return self.call(&f, vec![v.clone()], vec![]),
                    Option::None => {
                        return Err(type_err(format!(
                            "bad operand type for unary {}: '{}'",
                            unary_symbol(op),
                            v.type_name()
                        )))
                    }
                }
            }
            _ => {
                return Err(type_err(format!(
                    "bad operand type for unary {}: '{}'",
                    unary_symbol(op),
                    v.type_name()
                )))
            }
        })
    }

    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> R<Value> {
        use Value::*;
        match op {
            CmpOp::Is => return Ok(Bool(a.is(b))),
            CmpOp::IsNot => return Ok(Bool(!a.is(b))),
            CmpOp::In => return Ok(Bool(self.contains(b, a)?)),
            CmpOp::NotIn => return Ok(Bool(!self.contains(b, a)?)),
            _ => {}
        }
        if matches!(a, Tensor(_)) || matches!(b, Tensor(_)) {
            if let (Some(x), Some(y)) = (tensor_arg(a), tensor_arg(b)) {
                let top = match op {
                    CmpOp::Eq => TC::Eq,
                    CmpOp::Ne => TC::Ne,
                    CmpOp::Lt => TC::Lt,
                    CmpOp::Le => TC::Le,
                    CmpOp::Gt => TC::Gt,
                    _ => TC::Ge,
                };
                return Ok(Tensor(crate::Tensor::compare(top, x, y)?));
            }
        }
        match op {
            CmpOp::Eq | CmpOp::Ne => {
                // `a.__eq__(b)`, then the reflected `b.__eq__(a)` (an object or a binding's
                // object answers `x == obj` too: `0 == arr`); NotImplemented passes it on.
                let ne = op == CmpOp::Ne;
                if ne {
                    if let Some(f) = a.special("__ne__") {
                        let r = self.call(&f, vec![a.clone(), b.clone()], vec![])?;
                        if !is_not_implemented(&r) {
                            return Ok(r);
                        }
                    }
                }
                if let Some(f) = a.special("__eq__") {
                    let r = self.call(&f, vec![a.clone(), b.clone()], vec![])?;
                    if !is_not_implemented(&r) {
                        return if ne {
                            Ok(Bool(!self.truthy(&r)?))
                        } else {
                            Ok(r)
                        };
                    }
                }
                if let (Native(_) | Instance(_), Some(f)) = (b, b.special("__eq__")) {
                    let r = self.call(&f, vec![b.clone(), a.clone()], vec![])?;
                    if !is_not_implemented(&r) {
                        return if ne {
                            Ok(Bool(!self.truthy(&r)?))
                        } else {
                            Ok(r)
                        };
                    }
                }
                if matches!(a, Instance(_)) || matches!(b, Instance(_)) {
                    return Ok(Bool(a.is(b) != ne));
                }
                Ok(Bool(self.eq(a, b)? != ne))
            }
            _ => {
                let name = match op {
                    CmpOp::Lt => "__lt__",
                    CmpOp::Le => "__le__",
                    CmpOp::Gt => "__gt__",
                    _ => "__ge__",
                };
                if let Some(f) = a.special(name) {
                    let r = self.call(&f, vec![a.clone(), b.clone()], vec![])?;
                    if !is_not_implemented(&r) {
                        return Ok(r);
                    }
                }
                let rname = match op {
                    CmpOp::Lt => "__gt__",
                    CmpOp::Le => "__ge__",
                    CmpOp::Gt => "__lt__",
                    _ => "__le__",
                };
                if let Some(f) = b.special(rname) {
                    let r = self.call(&f, vec![b.clone(), a.clone()], vec![])?;
                    if !is_not_implemented(&r) {
                        return Ok(r);
                    }
                }
                if matches!(a, Instance(_)) || matches!(b, Instance(_)) {
                    return Err(type_err(format!(
                        "'{}' not supported between instances of '{}' and '{}'",
                        op.symbol(),
                        a.type_name(),
                        b.type_name()
                    )));
                }
                if let (Set(x), Set(y)) = (a, b) {
                    let (x, y) = (x.borrow(), y.borrow());
                    let sub = x.keys().all(|k| y.contains_key(k));
                    let sup = y.keys().all(|k| x.contains_key(k));
                    return Ok(Bool(match op {
                        CmpOp::Le => sub,
                        CmpOp::Lt => sub && x.len() < y.len(),
                        CmpOp::Ge => sup,
                        _ => sup && x.len() > y.len(),
                    }));
                }
                let ord = self.cmp_values(a, b, op)?;
                Ok(Bool(match op {
                    CmpOp::Lt => ord == Some(Ordering::Less),
                    CmpOp::Le => matches!(ord, Some(Ordering::Less | Ordering::Equal)),
                    CmpOp::Gt => ord == Some(Ordering::Greater),
                    _ => matches!(ord, Some(Ordering::Greater | Ordering::Equal)),
                }))
            }
        }
    }

    /// Python's `==` for non-tensor values.
    pub fn eq(&mut self, a: &Value, b: &Value) -> R<bool> {
        use Value::*;
        Ok(match (a, b) {
            (Str(x), Str(y)) => x == y,
            (List(x), List(y)) => {
                if Rc::ptr_eq(x, y) {
                    return Ok(true);
                }
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                self.seq_eq(&x, &y)?
            }
            (Tuple(x), Tuple(y)) => self.seq_eq(x, y)?,
            (Size(x), Size(y)) => x == y,
            (Size(x), Tuple(y)) | (Tuple(y), Size(x)) => {
                let xs: Vec<Value> = x.iter().map(|&i| Int(i)).collect();
                self.seq_eq(&xs, y)?
            }
            (Dict(x), Dict(y)) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                if x.len() != y.len() {
                    return Ok(false);
                }
                for (k, v) in x.iter() {
                    match y.get(k) {
                        Some(w) => {
                            if !self.eq(v, w)? {
                                return Ok(false);
                            }
                        }
                        Option::None => return Ok(false),
                    }
                }
                true
            }
            (Set(x), Set(y)) => {
                let (x, y) = (x.borrow(), y.borrow());
                x.len() == y.len() && x.keys().all(|k| y.contains_key(k))
            }
            (Range(x), Range(y)) => x == y,
            (DType(x), DType(y)) => x == y,
            (Device(x), Device(y)) => x == y,
            (Device(x), Str(s)) | (Str(s), Device(x)) => crate::Device::parse(s) == Some(*x),
            (None, None) | (Ellipsis, Ellipsis) => true,
            (Tensor(_), _) | (_, Tensor(_)) => {
                let r = self.compare(CmpOp::Eq, a, b)?;
                self.truthy(&r)?
            }
            // Without __eq__, objects compare by identity (Python's object.__eq__).
            (Instance(_) | Native(_), _) if a.special("__eq__").is_some() => {
                let r = self.compare(CmpOp::Eq, a, b)?;
                self.truthy(&r)?
            }
            _ => match (a.as_number(), b.as_number()) {
                (Some(x), Some(y)) => {
                    if let (Int(i), Int(j)) = (a, b) {
                        i == j
                    } else {
                        x == y
                    }
                }
                _ => a.is(b),
            },
        })
    }

    fn seq_eq(&mut self, x: &[Value], y: &[Value]) -> R<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        for (a, b) in x.iter().zip(y) {
            if !self.eq(a, b)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Ordering for `<` and sorting; None for incomparable floats (NaN).
    pub fn cmp_values(&mut self, a: &Value, b: &Value, op: CmpOp) -> R<Option<Ordering>> {
        use Value::*;
        Ok(match (a, b) {
            (Int(x), Int(y)) => Some(x.cmp(y)),
            (Str(x), Str(y)) => Some(x.cmp(y)),
            (List(_) | Tuple(_), List(_) | Tuple(_))
                if std::mem::discriminant(a) == std::mem::discriminant(b) =>
            {
                let x = self.collect(a)?;
                let y = self.collect(b)?;
                for (p, q) in x.iter().zip(y.iter()) {
                    if !self.eq(p, q)? {
                        return self.cmp_values(p, q, op);
                    }
                }
                Some(x.len().cmp(&y.len()))
            }
            _ => match (a.as_number(), b.as_number()) {
                (Some(x), Some(y)) => x.partial_cmp(&y),
                _ => {
                    if matches!(a, Instance(_)) || matches!(b, Instance(_)) {
                        let r = self.compare(CmpOp::Lt, a, b)?;
                        if self.truthy(&r)? {
                            return Ok(Some(Ordering::Less));
                        }
                        let r = self.compare(CmpOp::Lt, b, a)?;
                        return Ok(Some(if self.truthy(&r)? {
                            Ordering::Greater
                        } else {
                            Ordering::Equal
                        }));
                    }
                    return Err(type_err(format!(
                        "'{}' not supported between instances of '{}' and '{}'",
                        op.symbol(),
                        a.type_name(),
                        b.type_name()
                    )));
                }
            },
        })
    }

    /// `x in container`.
    pub fn contains(&mut self, container: &Value, x: &Value) -> R<bool> {
        use Value::*;
        match container {
            Str(s) => match x {
                Str(sub) => Ok(s.contains(&**sub)),
                _ => Err(type_err(format!(
                    "'in <string>' requires string as left operand, not {}",
                    x.type_name()
                ))),
            },
            Dict(d) | Set(d) => {
                let k = self.key(x.clone())?;
                Ok(d.borrow().contains_key(&k))
            }
            Range(r) => {
                let Some(v) = x.as_number() else {
                    return Ok(false);
                };
                let [start, stop, step] = **r;
                if v.fract() != 0.0 {
                    return Ok(false);
                }
                let v = v as i64;
                let inside = if step > 0 {
                    v >= start && v < stop
                } else {
                    v <= start && v > stop
                };
                Ok(inside && (v - start) % step == 0)
            }
            Instance(_) | Class(_) | Native(_) if container.special("__contains__").is_some() => {
                let f = container.special("__contains__").unwrap_or(Value::None);
                let r = self.call(&f, vec![container.clone(), x.clone()], vec![])?;
                self.truthy(&r)
            }
            Tensor(t) => {
                let Some(arg) = tensor_arg(x) else {
                    return Ok(false);
                };
                let eq = crate::Tensor::compare(TC::Eq, Arg::Tensor(Cow::Borrowed(t)), arg)?;
                Ok(eq.to_scalars()?.iter().any(|s| s.is_nonzero()))
            }
            _ => {
                let items = self.collect(container)?;
                for item in &items {
                    if self.eq(item, x)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }
}

fn unary_symbol(op: UnaryOp) -> &'static str {
    match op {
        UnaryOp::Neg => "-",
        UnaryOp::Pos => "+",
        UnaryOp::Invert => "~",
        UnaryOp::Not => "not",
    }
}

fn int_binary(op: BinOp, x: i64, y: i64) -> R<Value> {
    use Value::*;
    Ok(match op {
        BinOp::Add => Int(x.checked_add(y).ok_or_else(|| overflow("+"))?),
        BinOp::Sub => Int(x.checked_sub(y).ok_or_else(|| overflow("-"))?),
        BinOp::Mul => Int(x.checked_mul(y).ok_or_else(|| overflow("*"))?),
        BinOp::Div => {
            if y == 0 {
                return Err(err("ZeroDivisionError", "division by zero"));
            }
            Float(x as f64 / y as f64)
        }
        BinOp::FloorDiv => Int(int_floordiv(x, y)?),
        BinOp::Mod => Int(int_mod(x, y)?),
        BinOp::Pow => return int_pow(x, y),
        BinOp::LShift => {
            if y < 0 {
                return Err(err("ValueError", "negative shift count"));
            }
            if y >= 64 || (x << y) >> y != x {
                return Err(overflow("<<"));
            }
            Int(x << y)
        }
        BinOp::RShift => {
            if y < 0 {
                return Err(err("ValueError", "negative shift count"));
            }
            Int(x >> y.min(63))
        }
        BinOp::BitAnd => Int(x & y),
        BinOp::BitOr => Int(x | y),
        BinOp::BitXor => Int(x ^ y),
        BinOp::MatMul => {
            return Err(type_err(
                "unsupported operand type(s) for @: 'int' and 'int'",
            ))
        }
    })
}

fn float_binary(op: BinOp, x: f64, y: f64) -> Option<R<f64>> {
    Some(match op {
        BinOp::Add => Ok(x + y),
        BinOp::Sub => Ok(x - y),
        BinOp::Mul => Ok(x * y),
        BinOp::Div => {
            if y == 0.0 {
                Err(err("ZeroDivisionError", "float division by zero"))
            } else {
                Ok(x / y)
            }
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                Err(err("ZeroDivisionError", "float floor division by zero"))
            } else {
                float_mod(x, y).map(|m| ((x - m) / y).round())
            }
        }
        BinOp::Mod => float_mod(x, y),
        BinOp::Pow => float_pow(x, y),
        _ => return None,
    })
}

/// Tensor helpers used across the evaluator.
pub fn scalar_value(s: Scalar) -> Value {
    match s {
        Scalar::Bool(b) => Value::Bool(b),
        Scalar::Int(i) => Value::Int(i),
        Scalar::Float(f) => Value::Float(f),
    }
}
