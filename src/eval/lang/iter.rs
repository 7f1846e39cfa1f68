//! Iteration: iterators over every iterable value, `next`, collecting, `len`.

use super::builtins;
use super::exc::{err, type_err, Ctrl, R};
use super::interp::Interp;
use super::value::*;
use std::rc::Rc;

impl Interp {
    pub fn iter(&mut self, v: &Value) -> R<Iter> {
        Ok(match v {
            Value::List(l) => Iter::List {
                list: l.clone(),
                pos: 0,
            },
            Value::Tuple(t) => Iter::Seq {
                items: t.clone(),
                pos: 0,
            },
            Value::Size(s) => Iter::Seq {
                items: s.iter().map(|&i| Value::Int(i)).collect(),
                pos: 0,
            },
            Value::Str(s) => Iter::Chars {
                s: s.clone(),
                pos: 0,
            },
            Value::Range(r) => Iter::Range {
                next: r[0],
                stop: r[1],
                step: r[2],
            },
            Value::Dict(d) | Value::Set(d) => Iter::Seq {
                items: d.borrow().keys().map(|k| k.0.clone()).collect(),
                pos: 0,
            },
            Value::Tensor(t) => {
                if t.dim() == 0 {
                    return Err(type_err("iteration over a 0-d tensor"));
                }
                Iter::Tensor {
                    t: t.clone(),
                    pos: 0,
                }
            }
            Value::Iter(it) => {
                // Iterating an iterator shares its position.
                return Ok(Iter::Object(Value::Iter(it.clone())));
            }
            Value::Native(_) if v.native::<super::generator::Generator>().is_some() => {
                return Ok(Iter::Object(v.clone()));
            }
            // A class whose metaclass iterates it (`list(Color)`).
            Value::Class(_) if v.special("__iter__").is_some() => {
                let f = v.special("__iter__").unwrap_or(Value::None);
                let it = self.call(&f, vec![v.clone()], vec![])?;
                if let Value::Instance(_) = &it {
                    return Ok(Iter::Object(it));
                }
                return self.iter(&it);
            }
            Value::Native(_) if v.special("__iter__").is_some() => {
                let f = v.special("__iter__").unwrap_or(Value::None);
                let it = self.call(&f, vec![v.clone()], vec![])?;
                // An iterator (a file) gives itself: iterate it through __next__.
                if matches!(it, Value::Native(_)) && it.special("__next__").is_some() {
                    return Ok(Iter::Object(it));
                }
                return self.iter(&it);
            }
            Value::Instance(inst) => {
                if let Some(f) = inst.class.lookup("__iter__") {
                    let it = self.call(&f, vec![v.clone()], vec![])?;
                    if let Value::Instance(_) = &it {
                        return Ok(Iter::Object(it));
                    }
                    return self.iter(&it);
                }
                if inst.class.lookup("__getitem__").is_some()
                    && inst.class.lookup("__len__").is_some()
                {
                    let n = self.len(v)?;
                    let mut items = Vec::with_capacity(n);
                    for i in 0..n {
                        items.push(self.getitem(v, &Value::Int(i as i64))?);
                    }
                    return Ok(Iter::Seq {
                        items: Rc::from(items),
                        pos: 0,
                    });
                }
                return Err(type_err(format!(
                    "'{}' object is not iterable",
                    inst.class.name
                )));
            }
            _ => {
                return Err(type_err(format!(
                    "'{}' object is not iterable",
                    v.type_name()
                )))
            }
        })
    }

    pub fn next(&mut self, it: &mut Iter) -> R<Option<Value>> {
        Ok(match it {
            Iter::Seq { items, pos } => {
                let v = items.get(*pos).cloned();
                *pos += 1;
                v
            }
            Iter::List { list, pos } => {
                let v = list.borrow().get(*pos).cloned();
                *pos += 1;
                v
            }
            Iter::Range { next, stop, step } => {
                if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                    let v = *next;
                    *next += *step;
                    Some(Value::Int(v))
                } else {
                    None
                }
            }
            Iter::Chars { s, pos } => {
                let c = s[*pos..].chars().next();
                c.map(|c| {
                    *pos += c.len_utf8();
                    Value::str(c.encode_utf8(&mut [0; 4]))
                })
            }
            Iter::Tensor { t, pos } => {
                let n = t.shape().first().copied().unwrap_or(0);
                if *pos < n {
                    let v = t.select(0, *pos as i64)?;
                    *pos += 1;
                    Some(Value::Tensor(v))
                } else {
                    None
                }
            }
            Iter::Zip(its) => {
                let mut out = Vec::with_capacity(its.len());
                for i in its.iter() {
                    match self.next_of(i)? {
                        Some(v) => out.push(v),
                        None => return Ok(None),
                    }
                }
                if out.is_empty() {
                    None
                } else {
                    Some(Value::tuple(out))
                }
            }
            Iter::Enumerate(inner, n) => match self.next_of(inner)? {
                Some(v) => {
                    let i = *n;
                    *n += 1;
                    Some(Value::tuple(vec![Value::Int(i), v]))
                }
                None => None,
            },
            Iter::Map(f, its) => {
                let mut args = Vec::with_capacity(its.len());
                for i in its.iter() {
                    match self.next_of(i)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                let f = f.clone();
                Some(self.call(&f, args, vec![])?)
            }
            Iter::Filter(f, inner) => loop {
                let Some(v) = self.next_of(inner)? else {
                    return Ok(None);
                };
                let keep = if matches!(f, Value::None) {
                    self.truthy(&v)?
                } else {
                    let f = f.clone();
                    let r = self.call(&f, vec![v.clone()], vec![])?;
                    self.truthy(&r)?
                };
                if keep {
                    break Some(v);
                }
            },
            Iter::Object(obj) => return self.next_of(&obj.clone()),
        })
    }

    /// `next()` on an iterator value (an `Iter` or an object with `__next__`).
    pub fn next_of(&mut self, v: &Value) -> R<Option<Value>> {
        match v {
            Value::Iter(it) => {
                // Take the state out so nested calls can run without holding the borrow.
                let mut state = std::mem::replace(
                    &mut *it.borrow_mut(),
                    Iter::Seq {
                        items: Rc::from(vec![]),
                        pos: 0,
                    },
                );
                let r = self.next(&mut state);
                *it.borrow_mut() = state;
                r
            }
            Value::Instance(inst) => {
                let Some(f) = inst.class.lookup("__next__") else {
                    return Err(type_err(format!(
                        "'{}' object is not an iterator",
                        inst.class.name
                    )));
                };
                self.call_next(&f, v)
            }
            Value::Native(_) => {
                if let Some(g) = v.native::<super::generator::Generator>() {
                    return g.next_value(self);
                }
                let Some(f) = v.special("__next__") else {
                    return Err(type_err(format!(
                        "'{}' object is not an iterator",
                        v.type_name()
                    )));
                };
                self.call_next(&f, v)
            }
            _ => Err(type_err(format!(
                "'{}' object is not an iterator",
                v.type_name()
            ))),
        }
    }

    /// Calls a `__next__`: its value, or None when it raises StopIteration.
    fn call_next(&mut self, f: &Value, v: &Value) -> R<Option<Value>> {
        match self.call(f, vec![v.clone()], vec![]) {
            Ok(v) => Ok(Some(v)),
            Err(Ctrl::Raise(mut e)) => {
                let val = self.exc_value(&mut e);
                let stop = self.exc_class("StopIteration");
                if matches!(&val, Value::Instance(i) if i.class.is_subclass_of(&stop)) {
                    Ok(None)
                } else {
                    Err(Ctrl::Raise(e))
                }
            }
            Err(e) => Err(e),
        }
    }

    /// All items of an iterable.
    pub fn collect(&mut self, v: &Value) -> R<Vec<Value>> {
        match v {
            Value::List(l) => return Ok(l.borrow().clone()),
            Value::Tuple(t) => return Ok(t.to_vec()),
            _ => {}
        }
        let mut it = self.iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&mut it)? {
            self.check_interrupt()?;
            out.push(x);
        }
        Ok(out)
    }

    pub fn len(&mut self, v: &Value) -> R<usize> {
        Ok(match v {
            Value::Str(s) => s.chars().count(),
            Value::List(l) => l.borrow().len(),
            Value::Tuple(t) => t.len(),
            Value::Size(t) => t.len(),
            Value::Dict(d) | Value::Set(d) => d.borrow().len(),
            Value::Range(r) => builtins::range_len(r),
            Value::Tensor(t) => {
                if t.dim() == 0 {
                    return Err(type_err("len() of a 0-d tensor"));
                }
                t.shape()[0]
            }
            Value::Native(_) | Value::Class(_) if v.special("__len__").is_some() => {
                let f = v.special("__len__").unwrap_or(Value::None);
                match self.call(&f, vec![v.clone()], vec![])? {
                    Value::Int(i) if i >= 0 => i as usize,
                    _ => return Err(err("ValueError", "__len__() should return >= 0")),
                }
            }
            Value::Instance(inst) => match inst.class.lookup("__len__") {
                Some(f) => {
                    let r = self.call(&f, vec![v.clone()], vec![])?;
                    match r {
                        Value::Int(i) if i >= 0 => i as usize,
                        Value::Int(_) => {
                            return Err(err("ValueError", "__len__() should return >= 0"))
                        }
                        _ => {
                            return Err(type_err(format!(
                                "'{}' object cannot be interpreted as an integer",
                                r.type_name()
                            )))
                        }
                    }
                }
                None => {
                    return Err(type_err(format!(
                        "object of type '{}' has no len()",
                        inst.class.name
                    )))
                }
            },
            _ => {
                return Err(type_err(format!(
                    "object of type '{}' has no len()",
                    v.type_name()
                )))
            }
        })
    }
}
