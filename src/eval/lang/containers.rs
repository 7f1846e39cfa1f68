//! The methods of the built-in containers: list, tuple (and torch.Size), dict, set.

use super::builtins::{sort_values, table, to_int, Args};
use super::exc::{err, type_err, value_err, R};
use super::interp::Interp;
use super::value::*;
use std::cell::RefCell;
use std::rc::Rc;

fn list_of(a: &mut Args) -> R<Rc<RefCell<Vec<Value>>>> {
    match a.req(0, "self")? {
        Value::List(l) => Ok(l),
        v => Err(type_err(format!(
            "descriptor requires a 'list' object but received a '{}'",
            v.type_name()
        ))),
    }
}

fn dict_of(a: &mut Args) -> R<Rc<RefCell<Dict>>> {
    match a.req(0, "self")? {
        Value::Dict(d) | Value::Set(d) => Ok(d),
        v => Err(type_err(format!(
            "descriptor requires a 'dict' object but received a '{}'",
            v.type_name()
        ))),
    }
}

table! { LIST_METHODS:
    "append", "list.append(object)", "Adds the object at the end." => |_, a| {
        let l = list_of(a)?;
        l.borrow_mut().push(a.req(1, "object")?);
        Ok(Value::None)
    };
    "extend", "list.extend(iterable)", "Adds the iterable's items at the end." => |it, a| {
        let l = list_of(a)?;
        let items = it.collect(&a.req(1, "iterable")?)?;
        l.borrow_mut().extend(items);
        Ok(Value::None)
    };
    "insert", "list.insert(index, object)", "Inserts the object before index." => |_, a| {
        let l = list_of(a)?;
        let i = to_int(&a.req(1, "index")?, "index")?;
        let v = a.req(2, "object")?;
        let mut l = l.borrow_mut();
        let n = l.len() as i64;
        let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
        l.insert(j as usize, v);
        Ok(Value::None)
    };
    "pop", "list.pop(index=-1)", "Removes and returns the item at index (the last by default)." => |_, a| {
        let l = list_of(a)?;
        let i = a.get(1, "index").map(|i| to_int(&i, "index")).transpose()?.unwrap_or(-1);
        let mut l = l.borrow_mut();
        if l.is_empty() {
            return Err(err("IndexError", "pop from empty list"));
        }
        let j = super::items::norm_index(i, l.len()).ok_or_else(|| err("IndexError", "pop index out of range"))?;
        Ok(l.remove(j))
    };
    "remove", "list.remove(value)", "Removes the first item equal to value." => |it, a| {
        let l = list_of(a)?;
        let v = a.req(1, "value")?;
        let items = l.borrow().clone();
        for (i, x) in items.iter().enumerate() {
            if it.eq(x, &v)? {
                l.borrow_mut().remove(i);
                return Ok(Value::None);
            }
        }
        Err(value_err("list.remove(x): x not in list"))
    };
    "index", "list.index(value, start=0)", "The position of the first item equal to value." => |it, a| {
        let l = list_of(a)?;
        let v = a.req(1, "value")?;
        let start = a.get(2, "start").map(|s| to_int(&s, "start")).transpose()?.unwrap_or(0).max(0) as usize;
        let items = l.borrow().clone();
        for (i, x) in items.iter().enumerate().skip(start) {
            if it.eq(x, &v)? {
                return Ok(Value::Int(i as i64));
            }
        }
        Err(value_err(format!("{} is not in list", it.repr(&v)?)))
    };
    "count", "list.count(value)", "How many items equal value." => |it, a| {
        let l = list_of(a)?;
        let v = a.req(1, "value")?;
        let items = l.borrow().clone();
        let mut n = 0;
        for x in &items {
            if it.eq(x, &v)? {
                n += 1;
            }
        }
        Ok(Value::Int(n))
    };
    "sort", "list.sort(*, key=None, reverse=False)", "Sorts the list in place (stable)." => |it, a| {
        let l = list_of(a)?;
        let key = a.kw("key").filter(|k| !matches!(k, Value::None));
        let reverse = match a.kw("reverse") { Some(r) => it.truthy(&r)?, None => false };
        let mut items = l.borrow().clone();
        sort_values(it, &mut items, key, reverse)?;
        *l.borrow_mut() = items;
        Ok(Value::None)
    };
    "reverse", "list.reverse()", "Reverses the list in place." => |_, a| {
        list_of(a)?.borrow_mut().reverse();
        Ok(Value::None)
    };
    "copy", "list.copy()", "A shallow copy." => |_, a| {
        let l = list_of(a)?;
        let r = l.borrow().clone();
        Ok(Value::list(r))
    };
    "clear", "list.clear()", "Removes every item." => |_, a| {
        list_of(a)?.borrow_mut().clear();
        Ok(Value::None)
    };
}

table! { TUPLE_METHODS:
    "count", "tuple.count(value)", "How many items equal value." => |it, a| {
        let t = a.req(0, "self")?;
        let v = a.req(1, "value")?;
        let mut n = 0;
        for x in it.collect(&t)? {
            if it.eq(&x, &v)? {
                n += 1;
            }
        }
        Ok(Value::Int(n))
    };
    "index", "tuple.index(value)", "The position of the first item equal to value." => |it, a| {
        let t = a.req(0, "self")?;
        let v = a.req(1, "value")?;
        for (i, x) in it.collect(&t)?.iter().enumerate() {
            if it.eq(x, &v)? {
                return Ok(Value::Int(i as i64));
            }
        }
        Err(value_err("tuple.index(x): x not in tuple"))
    };
    "numel", "Size.numel()", "The product of the sizes: how many elements a tensor of this shape has." => |it, a| {
        let t = a.req(0, "self")?;
        let mut n = 1i64;
        for x in it.collect(&t)? {
            n *= to_int(&x, "size")?;
        }
        Ok(Value::Int(n))
    };
}

table! { DICT_METHODS:
    "keys", "dict.keys()", "The keys, in insertion order." => |_, a| {
        let d = dict_of(a)?;
        let r = Value::list(d.borrow().keys().map(|k| k.0.clone()).collect());
        Ok(r)
    };
    "values", "dict.values()", "The values, in insertion order." => |_, a| {
        let d = dict_of(a)?;
        let r = Value::list(d.borrow().values().cloned().collect());
        Ok(r)
    };
    "items", "dict.items()", "The (key, value) pairs, in insertion order." => |_, a| {
        let d = dict_of(a)?;
        let r = Value::list(d.borrow().iter().map(|(k, v)| Value::tuple(vec![k.0.clone(), v.clone()])).collect());
        Ok(r)
    };
    "get", "dict.get(key, default=None)", "The value for key, or default." => |it, a| {
        let d = dict_of(a)?;
        let k = it.key(a.req(1, "key")?)?;
        let default = a.get(2, "default").unwrap_or(Value::None);
        let r = d.borrow().get(&k).cloned().unwrap_or(default);
        Ok(r)
    };
    "setdefault", "dict.setdefault(key, default=None)", "The value for key, inserting default first if absent." => |it, a| {
        let d = dict_of(a)?;
        let k = it.key(a.req(1, "key")?)?;
        let default = a.get(2, "default").unwrap_or(Value::None);
        let r = d.borrow_mut().entry(k).or_insert(default).clone();
        Ok(r)
    };
    "pop", "dict.pop(key, default)", "Removes key and returns its value (or default)." => |it, a| {
        let d = dict_of(a)?;
        let kv = a.req(1, "key")?;
        let k = it.key(kv.clone())?;
        let default = a.get(2, "default");
        let removed = d.borrow_mut().shift_remove(&k);
        match (removed, default) {
            (Some(v), _) => Ok(v),
            (None, Some(v)) => Ok(v),
            (None, None) => Err(it.key_error(&kv)),
        }
    };
    "update", "dict.update(other=(), **kwargs)", "Adds the other mapping's (or pairs') entries." => |it, a| {
        let d = dict_of(a)?;
        if let Some(o) = a.get(1, "other") {
            match &o {
                Value::Dict(m) => {
                    let m = m.borrow().clone();
                    d.borrow_mut().extend(m);
                }
                _ => {
                    for pair in it.collect(&o)? {
                        let kv = it.collect(&pair)?;
                        if kv.len() == 2 {
                            let k = it.key(kv[0].clone())?;
                            d.borrow_mut().insert(k, kv[1].clone());
                        }
                    }
                }
            }
        }
        for (k, v) in std::mem::take(&mut a.kw) {
            d.borrow_mut().insert(Key(Value::Str(k)), v);
        }
        Ok(Value::None)
    };
    "copy", "dict.copy()", "A shallow copy." => |_, a| {
        let v = a.req(0, "self")?;
        Ok(match v {
            Value::Set(d) => Value::Set(Rc::new(RefCell::new(d.borrow().clone()))),
            Value::Dict(d) => Value::dict(d.borrow().clone()),
            _ => Value::None,
        })
    };
    "clear", "dict.clear()", "Removes every entry." => |_, a| {
        dict_of(a)?.borrow_mut().clear();
        Ok(Value::None)
    };
    "fromkeys", "dict.fromkeys(iterable, value=None)", "A dict with the iterable's items as keys." => |it, a| {
        let first = a.req(0, "iterable")?;
        let (src, value) = if matches!(first, Value::Dict(_)) {
            (a.req(1, "iterable")?, a.get(2, "value").unwrap_or(Value::None))
        } else {
            (first, a.get(1, "value").unwrap_or(Value::None))
        };
        let mut d = Dict::new();
        for k in it.collect(&src)? {
            d.insert(it.key(k)?, value.clone());
        }
        Ok(Value::dict(d))
    };
}

fn set_items(it: &mut Interp, v: &Value) -> R<Dict> {
    let mut d = Dict::new();
    for x in it.collect(v)? {
        d.insert(it.key(x)?, Value::None);
    }
    Ok(d)
}

table! { SET_METHODS:
    "add", "set.add(elem)", "Adds the element." => |it, a| {
        let d = dict_of(a)?;
        let k = it.key(a.req(1, "elem")?)?;
        d.borrow_mut().insert(k, Value::None);
        Ok(Value::None)
    };
    "discard", "set.discard(elem)", "Removes the element if present." => |it, a| {
        let d = dict_of(a)?;
        let k = it.key(a.req(1, "elem")?)?;
        d.borrow_mut().shift_remove(&k);
        Ok(Value::None)
    };
    "remove", "set.remove(elem)", "Removes the element; KeyError if absent." => |it, a| {
        let d = dict_of(a)?;
        let v = a.req(1, "elem")?;
        let k = it.key(v.clone())?;
        if d.borrow_mut().shift_remove(&k).is_none() {
            return Err(it.key_error(&v));
        }
        Ok(Value::None)
    };
    "pop", "set.pop()", "Removes and returns an element." => |_, a| {
        let d = dict_of(a)?;
        let first = d.borrow_mut().shift_remove_index(0);
        first.map(|(k, _)| k.0).ok_or_else(|| err("KeyError", "'pop from an empty set'"))
    };
    "union", "set.union(*others)", "A new set with the elements of all." => |it, a| {
        let mut d = dict_of(a)?.borrow().clone();
        for o in a.rest(1) {
            d.extend(set_items(it, &o)?);
        }
        Ok(Value::Set(Rc::new(RefCell::new(d))))
    };
    "intersection", "set.intersection(*others)", "A new set with the elements common to all." => |it, a| {
        let mut d = dict_of(a)?.borrow().clone();
        for o in a.rest(1) {
            let other = set_items(it, &o)?;
            d.retain(|k, _| other.contains_key(k));
        }
        Ok(Value::Set(Rc::new(RefCell::new(d))))
    };
    "difference", "set.difference(*others)", "A new set with the elements not in the others." => |it, a| {
        let mut d = dict_of(a)?.borrow().clone();
        for o in a.rest(1) {
            let other = set_items(it, &o)?;
            d.retain(|k, _| !other.contains_key(k));
        }
        Ok(Value::Set(Rc::new(RefCell::new(d))))
    };
    "issubset", "set.issubset(other)", "True if every element is in other." => |it, a| {
        let d = dict_of(a)?;
        let other = set_items(it, &a.req(1, "other")?)?;
        let r = d.borrow().keys().all(|k| other.contains_key(k));
        Ok(Value::Bool(r))
    };
    "issuperset", "set.issuperset(other)", "True if every element of other is here." => |it, a| {
        let d = dict_of(a)?;
        let other = set_items(it, &a.req(1, "other")?)?;
        let r = other.keys().all(|k| d.borrow().contains_key(k));
        Ok(Value::Bool(r))
    };
    "copy", "set.copy()", "A shallow copy." => |_, a| {
        let d = dict_of(a)?;
        let r = d.borrow().clone();
        Ok(Value::Set(Rc::new(RefCell::new(r))))
    };
    "clear", "set.clear()", "Removes every element." => |_, a| {
        dict_of(a)?.borrow_mut().clear();
        Ok(Value::None)
    };
    "update", "set.update(*others)", "Adds the elements of the others." => |it, a| {
        let d = dict_of(a)?;
        for o in a.rest(1) {
            let items = set_items(it, &o)?;
            d.borrow_mut().extend(items);
        }
        Ok(Value::None)
    };
}
