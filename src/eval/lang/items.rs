//! Items: `x[i]`, `x[i] = v`, `del x[i]` over every built-in container, tensors, objects
//! with `__getitem__`, and Python's index and slice normalisation.

use super::builtins;
use super::exc::{err, type_err, Ctrl, R};
use super::interp::Interp;
use super::value::*;
use std::rc::Rc;

/// Python's index normalisation: negative counts from the end; None when out of range.
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let n = len as i64;
    let j = if i < 0 { i + n } else { i };
    (0..n).contains(&j).then_some(j as usize)
}

/// The indices a slice selects from a sequence of `len`: (start, stop, step, count).
pub fn slice_indices(s: &[Value; 3], len: usize) -> R<(i64, i64, i64, usize)> {
    let get = |v: &Value| -> R<Option<i64>> {
        match v {
            Value::None => Ok(None),
            Value::Int(i) => Ok(Some(*i)),
            Value::Bool(b) => Ok(Some(*b as i64)),
            Value::Tensor(t) if t.numel() == 1 && !t.dtype().is_float() => {
                Ok(Some(t.item()?.to_i64()))
            }
            Value::Native(_) if matches!(v.number(), Some(Value::Int(_))) => {
                Ok(Some(super::builtins::to_int(v, "slice index")?))
            }
            _ => Err(type_err(
                "slice indices must be integers or None or have an __index__ method",
            )),
        }
    };
    let step = get(&s[2])?.unwrap_or(1);
    if step == 0 {
        return Err(err("ValueError", "slice step cannot be zero"));
    }
    let n = len as i64;
    let clamp = |v: i64, lo: i64, hi: i64| v.max(lo).min(hi);
    let (start, stop) = if step > 0 {
        let start = get(&s[0])?.map_or(0, |v| {
            if v < 0 {
                clamp(v + n, 0, n)
            } else {
                clamp(v, 0, n)
            }
        });
        let stop = get(&s[1])?.map_or(n, |v| {
            if v < 0 {
                clamp(v + n, 0, n)
            } else {
                clamp(v, 0, n)
            }
        });
        (start, stop)
    } else {
        let start = get(&s[0])?.map_or(n - 1, |v| {
            if v < 0 {
                clamp(v + n, -1, n - 1)
            } else {
                clamp(v, -1, n - 1)
            }
        });
        let stop = get(&s[1])?.map_or(-1, |v| {
            if v < 0 {
                clamp(v + n, -1, n - 1)
            } else {
                clamp(v, -1, n - 1)
            }
        });
        (start, stop)
    };
    let count = if step > 0 {
        if stop > start {
            ((stop - start + step - 1) / step) as usize
        } else {
            0
        }
    } else if start > stop {
        ((start - stop - step - 1) / (-step)) as usize
    } else {
        0
    };
    Ok((start, stop, step, count))
}

pub(crate) fn pick<T: Clone>(items: &[T], s: &[Value; 3]) -> R<Vec<T>> {
    let (start, _, step, count) = slice_indices(s, items.len())?;
    Ok((0..count)
        .map(|k| items[(start + k as i64 * step) as usize].clone())
        .collect())
}

impl Interp {
    pub fn getitem(&mut self, obj: &Value, index: &Value) -> R<Value> {
        match (obj, index) {
            (Value::List(l), Value::Int(i)) => {
                let l = l.borrow();
                norm_index(*i, l.len())
                    .map(|j| l[j].clone())
                    .ok_or_else(|| err("IndexError", "list index out of range"))
            }
            (Value::Tuple(t), Value::Int(i)) => norm_index(*i, t.len())
                .map(|j| t[j].clone())
                .ok_or_else(|| err("IndexError", "tuple index out of range")),
            (Value::Size(t), Value::Int(i)) => norm_index(*i, t.len())
                .map(|j| Value::Int(t[j]))
                .ok_or_else(|| err("IndexError", "tuple index out of range")),
            (Value::Str(s), Value::Int(i)) => {
                let n = s.chars().count();
                norm_index(*i, n)
                    .and_then(|j| s.chars().nth(j))
                    .map(|c| Value::str(c.encode_utf8(&mut [0; 4])))
                    .ok_or_else(|| err("IndexError", "string index out of range"))
            }
            (Value::Range(r), Value::Int(i)) => {
                let n = builtins::range_len(r);
                norm_index(*i, n)
                    .map(|j| Value::Int(r[0] + j as i64 * r[2]))
                    .ok_or_else(|| err("IndexError", "range object index out of range"))
            }
            (Value::List(l), Value::Slice(s)) => Ok(Value::list(pick(&l.borrow(), s)?)),
            (Value::Tuple(t), Value::Slice(s)) => Ok(Value::tuple(pick(t, s)?)),
            (Value::Size(t), Value::Slice(s)) => Ok(Value::Size(Rc::from(pick(t, s)?))),
            (Value::Str(st), Value::Slice(s)) => {
                let chars: Vec<char> = st.chars().collect();
                Ok(Value::str(
                    &pick(&chars, s)?.into_iter().collect::<String>(),
                ))
            }
            (Value::Range(r), Value::Slice(s)) => {
                let n = builtins::range_len(r);
                let (start, _, step, count) = slice_indices(s, n)?;
                let first = r[0] + start * r[2];
                let st = step * r[2];
                Ok(Value::Range(Rc::new([
                    first,
                    first + count as i64 * st,
                    st,
                ])))
            }
            (
                Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Size(_) | Value::Range(_),
                Value::Bool(b),
            ) => self.getitem(obj, &Value::Int(*b as i64)),
            // An object standing for an int (`IntEnum`): its `__index__`.
            (
                Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Size(_) | Value::Range(_),
                Value::Instance(_),
            ) if index.special("__index__").is_some() => {
                let f = index.special("__index__").unwrap_or(Value::None);
                let i = self.call(&f, vec![index.clone()], vec![])?;
                if !matches!(i, Value::Int(_)) {
                    return Err(type_err(format!(
                        "__index__ returned non-int (type {})",
                        i.type_name()
                    )));
                }
                self.getitem(obj, &i)
            }
            (
                Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Size(_),
                Value::Tensor(t),
            ) if t.numel() == 1 && !t.dtype().is_float() => {
                let i = t.item()?.to_i64();
                self.getitem(obj, &Value::Int(i))
            }
            (
                Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Size(_) | Value::Range(_),
                Value::Native(_),
            ) if matches!(index.number(), Some(Value::Int(_) | Value::Bool(_))) => {
                self.getitem(obj, &index.number().unwrap_or(Value::None))
            }
            (Value::Dict(d), _) => {
                let k = self.key(index.clone())?;
                match d.borrow().get(&k) {
                    Some(v) => Ok(v.clone()),
                    None => Err(self.key_error(index)),
                }
            }
            (Value::Tensor(t), _) => Ok(Value::Tensor(self.tensor_index(t, index)?)),
            (Value::Native(_), _) if obj.special("__getitem__").is_some() => {
                let f = obj.special("__getitem__").unwrap_or(Value::None);
                self.call(&f, vec![obj.clone(), index.clone()], vec![])
            }
            (Value::Instance(inst), _) => match inst.class.lookup("__getitem__") {
                Some(f) => self.call(&f, vec![obj.clone(), index.clone()], vec![]),
                None => Err(type_err(format!(
                    "'{}' object is not subscriptable",
                    inst.class.name
                ))),
            },
            (Value::Class(_), _) if obj.special("__getitem__").is_some() => {
                let f = obj.special("__getitem__").unwrap_or(Value::None);
                self.call(&f, vec![obj.clone(), index.clone()], vec![])
            }
            (Value::Class(c), _) if c.lookup("__class_getitem__").is_some() => {
                let f = match c.lookup("__class_getitem__") {
                    Some(Value::ClassMethod(f)) => (*f).clone(),
                    Some(f) => f,
                    None => Value::None,
                };
                self.call(&f, vec![obj.clone(), index.clone()], vec![])
            }
            (Value::Class(c), _) if c.builtin => Ok(obj.clone()),
            // `list[int]`, `dict[str, int]` in annotations: the type itself.
            (Value::Builtin(b), _) if super::introspect::builtin_type_name(b).is_some() => {
                Ok(obj.clone())
            }
            (
                Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Size(_) | Value::Range(_),
                _,
            ) => Err(type_err(format!(
                "{} indices must be integers or slices, not {}",
                obj.type_name(),
                index.type_name()
            ))),
            _ => Err(type_err(format!(
                "'{}' object is not subscriptable",
                obj.type_name()
            ))),
        }
    }

    pub fn key_error(&mut self, key: &Value) -> Ctrl {
        let class = self.exc_class("KeyError");
        self.raise_value(super::exc::instance(class, vec![key.clone()]))
    }

    pub fn setitem(&mut self, obj: &Value, index: Value, v: Value) -> R<()> {
        match (obj, &index) {
            (Value::List(l), Value::Int(i)) => {
                let mut l = l.borrow_mut();
                let n = l.len();
                match norm_index(*i, n) {
                    Some(j) => {
                        l[j] = v;
                        Ok(())
                    }
                    None => Err(err("IndexError", "list assignment index out of range")),
                }
            }
            (Value::List(l), Value::Slice(s)) => {
                let items = self.collect(&v)?;
                let mut l = l.borrow_mut();
                let (start, stop, step, count) = slice_indices(s, l.len())?;
                if step == 1 {
                    let stop = stop.max(start);
                    l.splice(start as usize..stop as usize, items);
                } else {
                    if items.len() != count {
                        return Err(err(
                            "ValueError",
                            format!("attempt to assign sequence of size {} to extended slice of size {count}", items.len()),
                        ));
                    }
                    for (k, item) in items.into_iter().enumerate() {
                        l[(start + k as i64 * step) as usize] = item;
                    }
                }
                Ok(())
            }
            (Value::Dict(d), _) => {
                let k = self.key(index)?;
                d.borrow_mut().insert(k, v);
                Ok(())
            }
            (Value::Tensor(t), _) => self.tensor_setitem(t, &index, &v),
            (Value::Native(_), _) if obj.special("__setitem__").is_some() => {
                let f = obj.special("__setitem__").unwrap_or(Value::None);
                self.call(&f, vec![obj.clone(), index, v], vec![])
                    .map(|_| ())
            }
            (Value::Instance(inst), _) => match inst.class.lookup("__setitem__") {
                Some(f) => self
                    .call(&f, vec![obj.clone(), index, v], vec![])
                    .map(|_| ()),
                None => Err(type_err(format!(
                    "'{}' object does not support item assignment",
                    inst.class.name
                ))),
            },
            _ => Err(type_err(format!(
                "'{}' object does not support item assignment",
                obj.type_name()
            ))),
        }
    }

    pub fn delitem(&mut self, obj: &Value, index: &Value) -> R<()> {
        match (obj, index) {
            (Value::List(l), Value::Int(i)) => {
                let mut l = l.borrow_mut();
                let n = l.len();
                match norm_index(*i, n) {
                    Some(j) => {
                        l.remove(j);
                        Ok(())
                    }
                    None => Err(err("IndexError", "list assignment index out of range")),
                }
            }
            (Value::List(l), Value::Slice(s)) => {
                let mut l = l.borrow_mut();
                let (start, _, step, count) = slice_indices(s, l.len())?;
                let mut idx: Vec<usize> = (0..count)
                    .map(|k| (start + k as i64 * step) as usize)
                    .collect();
                idx.sort_unstable();
                for j in idx.into_iter().rev() {
                    l.remove(j);
                }
                Ok(())
            }
            (Value::Dict(d), _) => {
                let k = self.key(index.clone())?;
                if d.borrow_mut().shift_remove(&k).is_none() {
                    return Err(self.key_error(index));
                }
                Ok(())
            }
            (Value::Instance(inst), _) => match inst.class.lookup("__delitem__") {
                Some(f) => self
                    .call(&f, vec![obj.clone(), index.clone()], vec![])
                    .map(|_| ()),
                None => Err(type_err(format!(
                    "'{}' object does not support item deletion",
                    inst.class.name
                ))),
            },
            _ => Err(type_err(format!(
                "'{}' object does not support item deletion",
                obj.type_name()
            ))),
        }
    }
}
