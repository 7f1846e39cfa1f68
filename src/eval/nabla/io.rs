//! Files in the language: `torch.save` / `torch.load` (PyTorch's `.pt`, safetensors, NumPy
//! files), and the `nabla` module's NumPy and CSV readers (`nabla.load_npy`, `save_npy`,
//! `load_npz`, `save_npz`, `load_csv`). The formats themselves live in `src/io/`; here
//! values become [`Obj`]s and back.

use crate::eval::lang::builtins::{table, to_str, Args};
use crate::eval::lang::exc::{type_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use crate::eval::torch::{device_of, dtype_of, tensor};
use crate::io::Obj;
use crate::types::{DType, Device};
use std::cell::RefCell;
use std::rc::Rc;

fn path_arg(it: &mut Interp, a: &mut Args, i: usize, name: &str) -> R<String> {
    let v = a.req(i, name)?;
    Ok(it.fspath(&v, name)?.to_string())
}

/// A value as the object a file holds: tensors, numbers, strings, and lists, tuples and
/// dicts of them.
fn to_obj(it: &Interp, v: &Value, depth: usize) -> R<Obj> {
    // An OrderedDict (a state_dict) or another dict subclass: its dict.
    if let Some(p) = crate::eval::lang::subclass::payload(v) {
        return to_obj(it, &p, depth);
    }
    if depth > 100 {
        return Err(type_err(
            "torch.save: the object nests more than 100 deep (or contains itself)",
        ));
    }
    let all = |items: &[Value]| -> R<Vec<Obj>> {
        items.iter().map(|v| to_obj(it, v, depth + 1)).collect()
    };
    Ok(match v {
        Value::None => Obj::None,
        Value::Bool(b) => Obj::Bool(*b),
        Value::Int(i) => Obj::Int(*i),
        Value::Float(f) => Obj::Float(*f),
        Value::Str(s) => Obj::Str(s.to_string()),
        Value::Tensor(t) => Obj::Tensor(t.clone()),
        Value::Size(s) => Obj::Size(s.to_vec()),
        Value::List(l) => Obj::List(all(&l.borrow())?),
        Value::Tuple(t) => Obj::Tuple(all(t)?),
        Value::Dict(d) => Obj::Dict(
            d.borrow()
                .iter()
                .map(|(k, v)| Ok((to_obj(it, &k.0, depth + 1)?, to_obj(it, v, depth + 1)?)))
                .collect::<R<_>>()?,
        ),
        v if it.is_module(v) => {
            return Err(type_err(
                "torch.save of a whole model is not supported: save its weights with \
                 torch.save(model.state_dict(), path), and load them into a new model with \
                 model.load_state_dict(torch.load(path))",
            ))
        }
        v => {
            return Err(type_err(format!(
                "torch.save cannot save a {}: save tensors, numbers, strings, and lists, tuples \
                 and dicts of them",
                v.type_name()
            )))
        }
    })
}

/// A loaded object as a value, its tensors moved to `device` when given.
fn from_obj(o: Obj, device: Option<Device>) -> R<Value> {
    let all = |items: Vec<Obj>| -> R<Vec<Value>> {
        items.into_iter().map(|o| from_obj(o, device)).collect()
    };
    Ok(match o {
        Obj::None => Value::None,
        Obj::Bool(b) => Value::Bool(b),
        Obj::Int(i) => Value::Int(i),
        Obj::Float(f) => Value::Float(f),
        Obj::Str(s) => Value::str(&s),
        Obj::Bytes(b) => crate::eval::lang::bytes::Bytes::value(b),
        Obj::Tensor(t) => Value::Tensor(match device {
            Some(d) if d != t.device() => {
                let rg = t.requires_grad();
                let moved = t.to_device(d)?;
                moved.set_requires_grad(rg)?;
                moved
            }
            _ => t,
        }),
        Obj::Size(s) => Value::Size(Rc::from(s)),
        Obj::List(items) => Value::List(Rc::new(RefCell::new(all(items)?))),
        Obj::Tuple(items) => Value::Tuple(Rc::from(all(items)?)),
        Obj::Dict(items) => {
            let mut d = Dict::new();
            for (k, v) in items {
                let k = from_obj(k, device)?;
                if matches!(k, Value::List(_) | Value::Dict(_)) {
                    return Err(type_err(format!("unhashable type: '{}'", k.type_name())));
                }
                d.insert(Key(k), from_obj(v, device)?);
            }
            Value::Dict(Rc::new(RefCell::new(d)))
        }
    })
}

fn named_tensors(items: Vec<(String, crate::Tensor)>) -> Value {
    let mut d = Dict::new();
    for (k, t) in items {
        d.insert(Key(Value::str(&k)), Value::Tensor(t));
    }
    Value::Dict(Rc::new(RefCell::new(d)))
}

table! { TORCH_IO:
    "save", "save(obj, f)", "Saves tensors, numbers, strings and lists/tuples/dicts of them (a state_dict) to a file in PyTorch's .pt format, which PyTorch's torch.load reads too; a path ending in .safetensors gets a safetensors file (a dict of named tensors only)." => |it, a| {
        let obj = a.req(0, "obj")?;
        let path = path_arg(it, a, 1, "f")?;
        let o = to_obj(it, &obj, 0)?;
        crate::io::save(&o, &path)?;
        Ok(Value::None)
    };
    "load", "load(f, map_location=None, weights_only=None)", "Loads what torch.save wrote, in nabla or in PyTorch (.pt/.pth), or a safetensors, .npy or .npz file. Only data is loaded, never code (as weights_only=True); map_location moves every tensor to that device." => |it, a| {
        let path = path_arg(it, a, 0, "f")?;
        let device = a.opt(1, "map_location").map(|d| device_of(&d)).transpose()?;
        // nabla never runs code from a file: every load is weights_only.
        let _ = a.get(2, "weights_only");
        let o = crate::io::load(&path)?;
        from_obj(o, device)
    };
}

table! { NABLA:
    "load_npy", "load_npy(file)", "The array in a NumPy .npy file (written by np.save) as a tensor of the same dtype and shape." => |it, a| {
        let path = path_arg(it, a, 0, "file")?;
        Ok(Value::Tensor(crate::io::npy::load(path)?))
    };
    "save_npy", "save_npy(file, tensor)", "Writes a tensor as a NumPy .npy file (np.load reads it); bool, uint8, int8/16/32/64 and float16/32/64." => |it, a| {
        let path = path_arg(it, a, 0, "file")?;
        let t = tensor(&a.req(1, "tensor")?, "tensor")?;
        crate::io::npy::save(path, &t)?;
        Ok(Value::None)
    };
    "load_npz", "load_npz(file)", "The arrays of a NumPy .npz file (np.savez or np.savez_compressed) as a dict of tensors by name." => |it, a| {
        let path = path_arg(it, a, 0, "file")?;
        Ok(named_tensors(crate::io::npz::load(path)?))
    };
    "save_npz", "save_npz(file, *tensors, **named_tensors)", "Writes tensors into a NumPy .npz file as np.savez does: positional ones as arr_0, arr_1, …, keyword ones by their name." => |it, a| {
        let path = path_arg(it, a, 0, "file")?;
        let mut arrays = Vec::new();
        for (i, v) in a.rest(1).iter().enumerate() {
            arrays.push((format!("arr_{i}"), tensor(v, "tensors")?));
        }
        for (k, v) in std::mem::take(&mut a.kw) {
            if arrays.iter().any(|(n, _)| **n == *k) {
                return Err(type_err(format!("save_npz() got two arrays named '{k}'")));
            }
            arrays.push((k.to_string(), tensor(&v, &k)?));
        }
        crate::io::npz::save(path, &arrays)?;
        Ok(Value::None)
    };
    "load_csv", "load_csv(file, header=False, dtype=torch.float32, delimiter=',')", "A CSV file of numbers as a 2-D tensor, rows × columns. header=True skips the first line (the column names); blank lines and lines starting with # are skipped." => |it, a| {
        let path = path_arg(it, a, 0, "file")?;
        let header = match a.opt(1, "header") {
            None => false,
            Some(Value::Bool(b)) => b,
            Some(v) => return Err(type_err(format!("load_csv(): header must be True or False, not {}", v.type_name()))),
        };
        let dtype = a.opt(2, "dtype").map(|d| dtype_of(&d)).transpose()?.unwrap_or(DType::F32);
        let delimiter = match a.opt(3, "delimiter") {
            None => ',',
            Some(v) => {
                let s = to_str(&v, "delimiter")?;
                let mut c = s.chars();
                match (c.next(), c.next()) {
                    (Some(d), None) => d,
                    _ => return Err(type_err("load_csv(): delimiter must be a single character")),
                }
            }
        };
        Ok(Value::Tensor(crate::io::csv::load(path, header, dtype, delimiter)?))
    };
}

impl Interp {
    pub(crate) fn install_nabla(&mut self) {
        let mut entries = crate::eval::torch::table_entries(NABLA);
        let datasets = self.datasets_module();
        entries.push(("datasets", datasets));
        let models = self.models_module();
        entries.push(("models", models));
        let m = crate::eval::torch::module("nabla", &entries);
        self.modules.insert("nabla".into(), m);
    }
}
