//! `nn.Sequential`, `nn.ModuleList` and `nn.ModuleDict`: modules holding modules under the
//! names "0", "1", … (or the dict's keys), with list and dict behaviour.

use super::module::{add_indent, attr, set_attr, subclass};
use crate::eval::lang::builtins::{table, to_int, to_str, Args, Builtin};
use crate::eval::lang::exc::{err, type_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use crate::syntax::ast::Ident;
use std::cell::RefCell;
use std::rc::Rc;

fn this(a: &mut Args) -> R<Value> {
    a.req(0, "self")
}

/// The children as `(name, module)`, in order.
fn items(it: &Interp, me: &Value) -> Vec<(Ident, Value)> {
    it.children_of(me)
}

/// Renames the children "0", "1", … after an insert or delete.
fn renumber(me: &Value, mods: Vec<Value>) {
    if let Value::Instance(i) = me {
        let mut attrs = i.attrs.borrow_mut();
        attrs.retain(|k, _| k.parse::<usize>().is_err());
        for (n, m) in mods.into_iter().enumerate() {
            attrs.insert(Rc::from(n.to_string().as_str()), m);
        }
    }
}

fn modules_of(it: &Interp, me: &Value) -> Vec<Value> {
    items(it, me).into_iter().map(|(_, m)| m).collect()
}

fn check_module(it: &Interp, v: &Value, owner: &str) -> R<()> {
    if it.is_module(v) {
        Ok(())
    } else {
        Err(type_err(format!(
            "{owner}: {} is not a Module subclass",
            v.type_name()
        )))
    }
}

fn index(it: &Interp, me: &Value, i: &Value) -> R<usize> {
    let n = items(it, me).len();
    let k = to_int(i, "index")?;
    crate::eval::lang::items::norm_index(k, n)
        .ok_or_else(|| err("IndexError", format!("index {k} is out of range")))
}

fn iter_of(items: Vec<Value>) -> Value {
    Value::Iter(Rc::new(RefCell::new(Iter::Seq {
        items: Rc::from(items),
        pos: 0,
    })))
}

/// A new container of the same class holding `mods`.
fn same_kind(me: &Value, mods: Vec<Value>) -> Value {
    let Value::Instance(i) = me else {
        return Value::None;
    };
    let v = Value::Instance(Rc::new(Instance {
        class: i.class.clone(),
        attrs: RefCell::new(Default::default()),
    }));
    set_attr(
        &v,
        "training",
        attr(me, "training").unwrap_or(Value::Bool(true)),
    );
    renumber(&v, mods);
    v
}

fn list_init(it: &mut Interp, a: &mut Args, seq: bool) -> R<Value> {
    let me = this(a)?;
    set_attr(&me, "training", Value::Bool(true));
    let args = a.rest(1);
    a.finish()?;
    let mods: Vec<Value> = if seq {
        if let [Value::Dict(d)] = args.as_slice() {
            for (k, m) in d.borrow().iter() {
                check_module(it, m, "Sequential")?;
                let Value::Str(k) = &k.0 else {
                    return Err(type_err("module name should be a string"));
                };
                set_attr(&me, k, m.clone());
            }
            return Ok(Value::None);
        }
        args
    } else {
        match args.first() {
            None | Some(Value::None) => Vec::new(),
            Some(v) => it.collect(v)?,
        }
    };
    for m in &mods {
        check_module(it, m, if seq { "Sequential" } else { "ModuleList" })?;
    }
    renumber(&me, mods);
    Ok(Value::None)
}

table! { LIST_METHODS:
    "__getitem__", "__getitem__(idx)", "The module at idx, or a container of a slice." => |it, a| {
        let me = this(a)?;
        let i = a.req(1, "idx")?;
        if let Value::Slice(_) = &i {
            let named: Vec<Value> = items(it, &me)
                .into_iter()
                .map(|(k, m)| Value::tuple(vec![Value::Str(k), m]))
                .collect();
            let picked = it.getitem(&Value::list(named), &i)?;
            let picked = it.collect(&picked)?;
            let v = same_kind(&me, Vec::new());
            // Sequential keeps its children's names; ModuleList renumbers them.
            let keep = me.type_name() == "Sequential";
            let mut mods = Vec::new();
            for p in picked {
                let Value::Tuple(kv) = p else { continue };
                if keep {
                    if let Value::Str(k) = &kv[0] {
                        set_attr(&v, k, kv[1].clone());
                    }
                } else {
                    mods.push(kv[1].clone());
                }
            }
            if !keep {
                renumber(&v, mods);
            }
            return Ok(v);
        }
        let k = index(it, &me, &i)?;
        Ok(modules_of(it, &me)[k].clone())
    };
    "__setitem__", "__setitem__(idx, module)", "Replaces the module at idx." => |it, a| {
        let me = this(a)?;
        let i = a.req(1, "idx")?;
        let m = a.req(2, "module")?;
        check_module(it, &m, "ModuleList")?;
        let k = index(it, &me, &i)?;
        let (name, _) = items(it, &me)[k].clone();
        set_attr(&me, &name, m);
        Ok(Value::None)
    };
    "__delitem__", "__delitem__(idx)", "Removes the module at idx." => |it, a| {
        let me = this(a)?;
        let i = a.req(1, "idx")?;
        let k = index(it, &me, &i)?;
        let mut mods = modules_of(it, &me);
        mods.remove(k);
        renumber(&me, mods);
        Ok(Value::None)
    };
    "__len__", "__len__()", "The number of modules." => |it, a| {
        let me = this(a)?;
        Ok(Value::Int(items(it, &me).len() as i64))
    };
    "__iter__", "__iter__()", "Iterates over the modules." => |it, a| {
        let me = this(a)?;
        Ok(iter_of(modules_of(it, &me)))
    };
    "append", "append(module)", "Adds a module at the end; returns self." => |it, a| {
        let me = this(a)?;
        let m = a.req(1, "module")?;
        check_module(it, &m, "append")?;
        let n = items(it, &me).len();
        set_attr(&me, &n.to_string(), m);
        Ok(me)
    };
    "extend", "extend(modules)", "Adds modules at the end; returns self." => |it, a| {
        let me = this(a)?;
        let ms = a.req(1, "modules")?;
        for m in it.collect(&ms)? {
            check_module(it, &m, "extend")?;
            let n = items(it, &me).len();
            set_attr(&me, &n.to_string(), m);
        }
        Ok(me)
    };
    "insert", "insert(index, module)", "Inserts a module before index." => |it, a| {
        let me = this(a)?;
        let i = to_int(&a.req(1, "index")?, "index")?;
        let m = a.req(2, "module")?;
        check_module(it, &m, "insert")?;
        let mut mods = modules_of(it, &me);
        let n = mods.len() as i64;
        let at = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
        mods.insert(at, m);
        renumber(&me, mods);
        Ok(Value::None)
    };
}

table! { SEQUENTIAL:
    "__init__", "Sequential(*modules)", "Modules applied one after another: forward(x) passes x through each in order." => |it, a| list_init(it, a, true);
    "forward", "forward(input)", "Passes input through each module in order." => |it, a| {
        let me = this(a)?;
        let mut x = a.req(1, "input")?;
        a.finish()?;
        for m in modules_of(it, &me) {
            x = it.call(&m, vec![x], vec![])?;
        }
        Ok(x)
    };
}

table! { MODULE_LIST:
    "__init__", "ModuleList(modules=None)", "A list of modules whose parameters the owner registers." => |it, a| list_init(it, a, false);
    "forward", "forward()", "ModuleList has no forward: call its modules in your own forward." => |_, a| {
        a.rest(0);
        a.kw.clear();
        Err(err("NotImplementedError", "Module [ModuleList] is missing the required \"forward\" function"))
    };
    "__repr__", "__repr__()", "The modules, runs of identical ones folded as PyTorch folds them." => |it, a| {
        let me = this(a)?;
        let mut reprs = Vec::new();
        for m in modules_of(it, &me) {
            reprs.push(it.repr(&m)?);
        }
        let name = me.type_name();
        if reprs.is_empty() {
            return Ok(Value::str(&format!("{name}()")));
        }
        let mut blocks: Vec<(usize, usize, String)> = Vec::new();
        for (i, r) in reprs.into_iter().enumerate() {
            match blocks.last_mut() {
                Some(b) if b.2 == r => b.1 = i,
                _ => blocks.push((i, i, r)),
            }
        }
        let lines: Vec<String> = blocks
            .into_iter()
            .map(|(s, e, b)| {
                let l = if s == e { format!("({s}): {b}") } else { format!("({s}-{e}): {} x {b}", e - s + 1) };
                add_indent(&l, 2)
            })
            .collect();
        Ok(Value::str(&format!("{name}(\n  {}\n)", lines.join("\n  "))))
    };
}

fn dict_key(v: &Value) -> R<Rc<str>> {
    to_str(v, "ModuleDict key")
}

table! { MODULE_DICT:
    "__init__", "ModuleDict(modules=None)", "A dict of modules whose parameters the owner registers." => |it, a| {
        let me = this(a)?;
        set_attr(&me, "training", Value::Bool(true));
        let m = a.opt(1, "modules");
        a.finish()?;
        if let Some(m) = m {
            dict_update(it, &me, &m)?;
        }
        Ok(Value::None)
    };
    "forward", "forward()", "ModuleDict has no forward: call its modules in your own forward." => |_, a| {
        a.rest(0);
        a.kw.clear();
        Err(err("NotImplementedError", "Module [ModuleDict] is missing the required \"forward\" function"))
    };
    "__getitem__", "__getitem__(key)", "The module under key." => |it, a| {
        let me = this(a)?;
        let k = a.req(1, "key")?;
        let name = dict_key(&k)?;
        match attr(&me, &name).filter(|v| it.is_module(v)) {
            Some(m) => Ok(m),
            None => Err(it.key_error(&k)),
        }
    };
    "__setitem__", "__setitem__(key, module)", "Adds or replaces the module under key." => |it, a| {
        let me = this(a)?;
        let k = dict_key(&a.req(1, "key")?)?;
        let m = a.req(2, "module")?;
        check_module(it, &m, "ModuleDict")?;
        set_attr(&me, &k, m);
        Ok(Value::None)
    };
    "__len__", "__len__()", "The number of modules." => |it, a| {
        let me = this(a)?;
        Ok(Value::Int(items(it, &me).len() as i64))
    };
    "__iter__", "__iter__()", "Iterates over the keys." => |it, a| {
        let me = this(a)?;
        Ok(iter_of(items(it, &me).into_iter().map(|(k, _)| Value::Str(k)).collect()))
    };
    "__contains__", "__contains__(key)", "Whether a module is under key." => |it, a| {
        let me = this(a)?;
        let k = a.req(1, "key")?;
        let Value::Str(k) = k else { return Ok(Value::Bool(false)) };
        Ok(Value::Bool(items(it, &me).iter().any(|(n, _)| *n == k)))
    };
    "keys", "keys()", "The keys, in order." => |it, a| {
        let me = this(a)?;
        Ok(Value::list(items(it, &me).into_iter().map(|(k, _)| Value::Str(k)).collect()))
    };
    "values", "values()", "The modules, in order." => |it, a| {
        let me = this(a)?;
        Ok(Value::list(modules_of(it, &me)))
    };
    "items", "items()", "(key, module) pairs, in order." => |it, a| {
        let me = this(a)?;
        Ok(Value::list(items(it, &me).into_iter().map(|(k, m)| Value::tuple(vec![Value::Str(k), m])).collect()))
    };
    "update", "update(modules)", "Adds the modules of a dict or of (key, module) pairs." => |it, a| {
        let me = this(a)?;
        let m = a.req(1, "modules")?;
        dict_update(it, &me, &m)?;
        Ok(Value::None)
    };
    "pop", "pop(key)", "Removes and returns the module under key." => |it, a| {
        let me = this(a)?;
        let k = a.req(1, "key")?;
        let name = dict_key(&k)?;
        let Value::Instance(i) = &me else { return Err(type_err("pop needs a ModuleDict")) };
        let removed = i.attrs.borrow_mut().shift_remove(&*name);
        removed.ok_or_else(|| it.key_error(&k))
    };
}

fn dict_update(it: &mut Interp, me: &Value, m: &Value) -> R<()> {
    let pairs: Vec<(Value, Value)> = match m {
        Value::Dict(d) => d
            .borrow()
            .iter()
            .map(|(k, v)| (k.0.clone(), v.clone()))
            .collect(),
        other => {
            let mut out = Vec::new();
            for p in it.collect(other)? {
                let kv = it.collect(&p)?;
                let [k, v] = kv.as_slice() else {
                    return Err(type_err(
                        "ModuleDict update sequence element should have length 2",
                    ));
                };
                out.push((k.clone(), v.clone()));
            }
            out
        }
    };
    for (k, v) in pairs {
        check_module(it, &v, "ModuleDict")?;
        set_attr(me, &dict_key(&k)?, v);
    }
    Ok(())
}

/// The container classes, each under `module`.
pub(crate) fn container_classes(module: &Rc<Class>) -> Vec<(&'static str, Value)> {
    let list_base = subclass("_ModuleListBase", LIST_METHODS, module);
    let make = |name: &'static str, m: &'static [Builtin], base: &Rc<Class>| {
        let c = subclass(name, m, base);
        super::module::set_module_path(&c, "torch.nn.modules.container");
        (name, Value::Class(c))
    };
    vec![
        make("Sequential", SEQUENTIAL, &list_base),
        make("ModuleList", MODULE_LIST, &list_base),
        make("ModuleDict", MODULE_DICT, module),
    ]
}
