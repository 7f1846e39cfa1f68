//! `nn.Module` and `nn.Parameter` in the language. A module is an instance whose attributes
//! hold its parameters (tensors marked as parameters), buffers (tensors named in
//! `_buffers`) and submodules (instances of Module's subclasses), in assignment order, so a
//! user's `class Net(nn.Module)` and the built-in layers are the same kind of object: every
//! method here (parameters, state_dict, train, `__repr__` …) walks those attributes.

use crate::eval::lang::builtins::{table, to_str, Args, Builtin};
use crate::eval::lang::exc::{err, type_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use crate::eval::torch::engine_ops::flag;
use crate::eval::torch::{device_of, dtype_of, tensor};
use crate::syntax::ast::Ident;
use crate::tensor::graph;
use crate::{DType, Device, Tensor};
use indexmap::IndexMap;
use std::cell::RefCell;
use std::rc::Rc;

/// A class built in Rust whose base is `base` (a layer under `nn.Module`).
pub(crate) fn subclass(name: &str, methods: &'static [Builtin], base: &Rc<Class>) -> Rc<Class> {
    let mut ns = IndexMap::new();
    for b in methods {
        ns.insert(Rc::from(b.name), Value::Builtin(b));
    }
    Rc::new(Class {
        name: Rc::from(name),
        base: Some(base.clone()),
        ns: RefCell::new(ns),
        builtin: true,
        meta: None,
    })
}

pub(crate) fn attr(me: &Value, name: &str) -> Option<Value> {
    match me {
        Value::Instance(i) => i.attrs.borrow().get(name).cloned(),
        _ => None,
    }
}

pub(crate) fn set_attr(me: &Value, name: &str, v: Value) {
    if let Value::Instance(i) = me {
        i.attrs.borrow_mut().insert(Rc::from(name), v);
    }
}

/// The attributes in order.
fn entries(me: &Value) -> Vec<(Ident, Value)> {
    match me {
        Value::Instance(i) => i
            .attrs
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        _ => Vec::new(),
    }
}

fn name_list(me: &Value, key: &str) -> Vec<Rc<str>> {
    match attr(me, key) {
        Some(Value::List(l)) => l
            .borrow()
            .iter()
            .filter_map(|v| match v {
                Value::Str(s) => Some(s.clone()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn push_name(me: &Value, key: &str, name: &str) {
    let mut names = name_list(me, key);
    if !names.iter().any(|n| &**n == name) {
        names.push(Rc::from(name));
    }
    set_attr(
        me,
        key,
        Value::list(names.into_iter().map(Value::Str).collect()),
    );
}

/// The name of the first built-in class of `me`'s class chain: `Linear` for a user's
/// `class MyLinear(nn.Linear)`, `SGD` for an optimizer.
pub(crate) fn builtin_name(me: &Value) -> String {
    let Value::Instance(i) = me else {
        return String::new();
    };
    let mut c = Some(i.class.clone());
    while let Some(k) = c {
        if k.builtin {
            return k.name.to_string();
        }
        c = k.base.clone();
    }
    String::new()
}

fn is_param(v: &Value) -> bool {
    matches!(v, Value::Tensor(t) if t.is_parameter())
}

fn iter_of(items: Vec<Value>) -> Value {
    Value::Iter(Rc::new(RefCell::new(Iter::Seq {
        items: Rc::from(items),
        pos: 0,
    })))
}

fn pairs(items: Vec<(String, Value)>) -> Vec<Value> {
    items
        .into_iter()
        .map(|(k, v)| Value::tuple(vec![Value::str(&k), v]))
        .collect()
}

fn join(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_string()
    } else {
        format!("{prefix}.{name}")
    }
}

impl Interp {
    /// Whether `v` is an `nn.Module` (a built-in layer or a user's subclass).
    pub(crate) fn is_module(&self, v: &Value) -> bool {
        match (v, &self.module_class) {
            (Value::Instance(i), Some(m)) => i.class.is_subclass_of(m),
            _ => false,
        }
    }

    fn module_arg(&self, v: &Value, what: &str) -> R<()> {
        if self.is_module(v) {
            Ok(())
        } else {
            Err(type_err(format!(
                "{what} needs an nn.Module, not {}",
                v.type_name()
            )))
        }
    }

    /// `(name, submodule)` for each direct child, in assignment order.
    pub(crate) fn children_of(&self, me: &Value) -> Vec<(Ident, Value)> {
        entries(me)
            .into_iter()
            .filter(|(_, v)| self.is_module(v))
            .collect()
    }

    fn own_params(me: &Value) -> Vec<(Ident, Tensor)> {
        entries(me)
            .into_iter()
            .filter_map(|(k, v)| match v {
                Value::Tensor(t) if t.is_parameter() => Some((k, t)),
                _ => None,
            })
            .collect()
    }

    fn own_buffers(me: &Value, persistent_only: bool) -> Vec<(Ident, Tensor)> {
        let skip = if persistent_only {
            name_list(me, "_non_persistent")
        } else {
            Vec::new()
        };
        name_list(me, "_buffers")
            .into_iter()
            .filter(|n| !skip.contains(n))
            .filter_map(|n| match attr(me, &n) {
                Some(Value::Tensor(t)) => Some((n, t)),
                _ => None,
            })
            .collect()
    }

    /// `named_modules()`: this module and every submodule, each once, depth first.
    pub(crate) fn named_modules(&self, me: &Value, prefix: &str) -> Vec<(String, Value)> {
        let mut out = Vec::new();
        let mut seen = Vec::new();
        self.walk_modules(me, prefix, &mut seen, &mut out);
        out
    }

    fn walk_modules(
        &self,
        me: &Value,
        prefix: &str,
        seen: &mut Vec<usize>,
        out: &mut Vec<(String, Value)>,
    ) {
        if seen.contains(&me.identity()) {
            return;
        }
        seen.push(me.identity());
        out.push((prefix.to_string(), me.clone()));
        for (name, child) in self.children_of(me) {
            self.walk_modules(&child, &join(prefix, &name), seen, out);
        }
    }

    /// `named_parameters()`: each parameter once, with its dotted name.
    pub(crate) fn named_parameters(&self, me: &Value, recurse: bool) -> Vec<(String, Tensor)> {
        let mods = if recurse {
            self.named_modules(me, "")
        } else {
            vec![(String::new(), me.clone())]
        };
        let mut out: Vec<(String, Tensor)> = Vec::new();
        for (prefix, m) in mods {
            for (n, t) in Self::own_params(&m) {
                if !out.iter().any(|(_, p)| p.same(&t)) {
                    out.push((join(&prefix, &n), t));
                }
            }
        }
        out
    }

    fn named_buffers(&self, me: &Value, recurse: bool) -> Vec<(String, Tensor)> {
        let mods = if recurse {
            self.named_modules(me, "")
        } else {
            vec![(String::new(), me.clone())]
        };
        let mut out = Vec::new();
        for (prefix, m) in mods {
            for (n, t) in Self::own_buffers(&m, false) {
                out.push((join(&prefix, &n), t));
            }
        }
        out
    }

    /// `state_dict()`: parameters and persistent buffers by dotted name, detached.
    fn state_dict_into(&self, me: &Value, prefix: &str, keep_vars: bool, out: &mut Dict) {
        let own = Self::own_params(me)
            .into_iter()
            .chain(Self::own_buffers(me, true));
        for (n, t) in own {
            let t = if keep_vars { t } else { t.detach() };
            out.insert(Key(Value::str(&join(prefix, &n))), Value::Tensor(t));
        }
        for (n, c) in self.children_of(me) {
            self.state_dict_into(&c, &join(prefix, &n), keep_vars, out);
        }
    }

    /// Every tensor slot of the module tree, for `load_state_dict`: `(name, owner, attr)`.
    fn state_slots(&self, me: &Value, prefix: &str, out: &mut Vec<(String, Value, Ident)>) {
        let own = Self::own_params(me)
            .into_iter()
            .chain(Self::own_buffers(me, true));
        for (n, _) in own {
            out.push((join(prefix, &n), me.clone(), n));
        }
        for (n, c) in self.children_of(me) {
            self.state_slots(&c, &join(prefix, &n), out);
        }
    }

    /// Replaces every parameter and buffer with `f(tensor)` (parameters stay parameters).
    pub(crate) fn map_tensors(
        &mut self,
        me: &Value,
        f: &dyn Fn(&Tensor) -> crate::Result<Tensor>,
    ) -> R<()> {
        for (_, m) in self.named_modules(me, "") {
            let bufs = name_list(&m, "_buffers");
            for (k, v) in entries(&m) {
                let Value::Tensor(t) = v else { continue };
                if !t.is_parameter() && !bufs.contains(&k) {
                    continue;
                }
                let new = graph::no_grad(|| f(&t))?;
                if new.same(&t) {
                    continue;
                }
                let new = if t.is_parameter() {
                    let p = new.detach().to_parameter(t.requires_grad())?;
                    if let Some(g) = t.grad() {
                        p.set_grad(Some(graph::no_grad(|| f(&g))?))?;
                    }
                    p
                } else {
                    new
                };
                set_attr(&m, &k, Value::Tensor(new));
            }
        }
        Ok(())
    }

    /// `print(model)`: PyTorch's nested form, `extra_repr()` then `(name): child` lines.
    pub(crate) fn module_repr(&mut self, me: &Value) -> R<String> {
        let extra = self.call_method(me, "extra_repr", vec![], vec![])?;
        let extra = match extra {
            Value::Str(s) => s.to_string(),
            v => self.str_of(&v)?,
        };
        let extra_lines: Vec<String> = if extra.is_empty() {
            Vec::new()
        } else {
            extra.split('\n').map(String::from).collect()
        };
        let mut child_lines = Vec::new();
        for (k, c) in self.children_of(me) {
            let s = self.repr(&c)?;
            child_lines.push(format!("({k}): {}", add_indent(&s, 2)));
        }
        let name = match me {
            Value::Instance(i) => i.class.name.to_string(),
            _ => String::new(),
        };
        Ok(lines_repr(&name, &extra_lines, &child_lines))
    }
}

/// PyTorch's `_addindent`: every line after the first indented by `n`.
pub(crate) fn add_indent(s: &str, n: usize) -> String {
    let mut lines = s.split('\n');
    let first = lines.next().unwrap_or("");
    let rest: Vec<String> = lines.map(|l| format!("{}{l}", " ".repeat(n))).collect();
    if rest.is_empty() {
        first.to_string()
    } else {
        format!("{first}\n{}", rest.join("\n"))
    }
}

pub(crate) fn lines_repr(name: &str, extra: &[String], children: &[String]) -> String {
    let mut s = format!("{name}(");
    if extra.len() == 1 && children.is_empty() {
        s.push_str(&extra[0]);
    } else if !extra.is_empty() || !children.is_empty() {
        let lines: Vec<&str> = extra
            .iter()
            .chain(children.iter())
            .map(|l| l.as_str())
            .collect();
        s.push_str("\n  ");
        s.push_str(&lines.join("\n  "));
        s.push('\n');
    }
    s.push(')');
    s
}

fn this(a: &mut Args) -> R<Value> {
    a.req(0, "self")
}

/// What `.to(...)` was asked for: a device, a dtype, or both (`tensor` means "like it").
fn to_target(a: &mut Args) -> R<(Option<Device>, Option<DType>)> {
    let mut device = None;
    let mut dtype = None;
    let mut args = a.rest(1);
    if let Some(v) = a.kw("device") {
        args.push(v);
    }
    if let Some(v) = a.kw("dtype") {
        args.push(v);
    }
    a.kw("non_blocking");
    for v in args {
        match &v {
            Value::DType(_) => dtype = Some(dtype_of(&v)?),
            Value::Tensor(t) => {
                device = Some(t.device());
                dtype = Some(t.dtype());
            }
            Value::Bool(_) => {}
            _ => device = Some(device_of(&v)?),
        }
    }
    if let Some(d) = dtype {
        if !d.is_float() {
            return Err(type_err(format!(
                "nn.Module.to only accepts floating point or complex dtypes, but got desired dtype={d}"
            )));
        }
    }
    Ok((device, dtype))
}

fn set_training(it: &mut Interp, me: &Value, mode: bool) {
    for (_, m) in it.named_modules(me, "") {
        set_attr(&m, "training", Value::Bool(mode));
    }
}

table! { MODULE_METHODS:
    "__init__", "Module.__init__(self)", "Initialises the module: training mode on." => |_, a| {
        let me = this(a)?;
        a.rest(1);
        a.kw.clear();
        if attr(&me, "training").is_none() {
            set_attr(&me, "training", Value::Bool(true));
        }
        Ok(Value::None)
    };
    "__call__", "Module.__call__(self, *args, **kwargs)", "Runs forward(*args, **kwargs)." => |it, a| {
        let all = a.rest(0);
        let kw = std::mem::take(&mut a.kw);
        let Some((me, args)) = all.split_first() else { return Err(type_err("Module.__call__ needs self")) };
        it.call_method(me, "forward", args.to_vec(), kw)
    };
    "forward", "Module.forward(self, *input)", "Defines the computation; subclasses override it." => |_, a| {
        let me = this(a)?;
        a.rest(0);
        a.kw.clear();
        Err(err("NotImplementedError", format!("Module [{}] is missing the required \"forward\" function", me.type_name())))
    };
    "extra_repr", "Module.extra_repr(self)", "The settings printed inside the module's parentheses; layers override it." => |_, a| {
        this(a)?;
        Ok(Value::str(""))
    };
    "__repr__", "Module.__repr__(self)", "PyTorch's nested print of the module and its children." => |it, a| {
        let me = this(a)?;
        Ok(Value::str(&it.module_repr(&me)?))
    };
    "parameters", "Module.parameters(recurse=True)", "An iterator over the parameters (each once), this module's first." => |it, a| {
        let me = this(a)?;
        let rec = flag(it, a, 1, "recurse", true)?;
        let ps = it.named_parameters(&me, rec).into_iter().map(|(_, t)| Value::Tensor(t)).collect();
        Ok(iter_of(ps))
    };
    "named_parameters", "Module.named_parameters(prefix='', recurse=True)", "An iterator over (dotted name, parameter)." => |it, a| {
        let me = this(a)?;
        let prefix = a.opt(1, "prefix").map(|v| to_str(&v, "prefix")).transpose()?;
        let rec = flag(it, a, 2, "recurse", true)?;
        a.kw("remove_duplicate");
        let p = prefix.as_deref().unwrap_or("");
        let ps = it.named_parameters(&me, rec).into_iter().map(|(k, t)| (join(p, &k), Value::Tensor(t))).collect();
        Ok(iter_of(pairs(ps)))
    };
    "buffers", "Module.buffers(recurse=True)", "An iterator over the buffers (running statistics …)." => |it, a| {
        let me = this(a)?;
        let rec = flag(it, a, 1, "recurse", true)?;
        Ok(iter_of(it.named_buffers(&me, rec).into_iter().map(|(_, t)| Value::Tensor(t)).collect()))
    };
    "named_buffers", "Module.named_buffers(prefix='', recurse=True)", "An iterator over (dotted name, buffer)." => |it, a| {
        let me = this(a)?;
        let prefix = a.opt(1, "prefix").map(|v| to_str(&v, "prefix")).transpose()?;
        let rec = flag(it, a, 2, "recurse", true)?;
        let p = prefix.as_deref().unwrap_or("");
        let bs = it.named_buffers(&me, rec).into_iter().map(|(k, t)| (join(p, &k), Value::Tensor(t))).collect();
        Ok(iter_of(pairs(bs)))
    };
    "children", "Module.children()", "An iterator over the direct submodules." => |it, a| {
        let me = this(a)?;
        Ok(iter_of(it.children_of(&me).into_iter().map(|(_, c)| c).collect()))
    };
    "named_children", "Module.named_children()", "An iterator over (name, direct submodule)." => |it, a| {
        let me = this(a)?;
        let cs = it.children_of(&me).into_iter().map(|(k, c)| (k.to_string(), c)).collect();
        Ok(iter_of(pairs(cs)))
    };
    "modules", "Module.modules()", "An iterator over this module and every submodule." => |it, a| {
        let me = this(a)?;
        Ok(iter_of(it.named_modules(&me, "").into_iter().map(|(_, m)| m).collect()))
    };
    "named_modules", "Module.named_modules(memo=None, prefix='')", "An iterator over (dotted name, module), this module first as ''." => |it, a| {
        let me = this(a)?;
        a.opt(1, "memo");
        let prefix = a.opt(2, "prefix").map(|v| to_str(&v, "prefix")).transpose()?;
        Ok(iter_of(pairs(it.named_modules(&me, prefix.as_deref().unwrap_or("")))))
    };
    "state_dict", "Module.state_dict(destination=None, prefix='', keep_vars=False)", "The parameters and persistent buffers by dotted name (detached tensors sharing their storage)." => |it, a| {
        let me = this(a)?;
        a.opt(1, "destination");
        let prefix = a.opt(2, "prefix").map(|v| to_str(&v, "prefix")).transpose()?;
        let keep = flag(it, a, 3, "keep_vars", false)?;
        let mut d = Dict::new();
        it.state_dict_into(&me, prefix.as_deref().unwrap_or(""), keep, &mut d);
        it.ordered_dict(d)
    };
    "load_state_dict", "Module.load_state_dict(state_dict, strict=True)", "Copies tensors into the parameters and buffers of the same names; strict: the names must match." => |it, a| {
        let me = this(a)?;
        let sd = a.req(1, "state_dict")?;
        let sd = crate::eval::lang::subclass::payload(&sd).unwrap_or(sd);
        let strict = flag(it, a, 2, "strict", true)?;
        a.kw("assign");
        let Value::Dict(sd) = sd else {
            return Err(type_err(format!("Expected state_dict to be dict-like, got {}.", sd.type_name())));
        };
        let mut slots = Vec::new();
        it.state_slots(&me, "", &mut slots);
        let sd = sd.borrow().clone();
        let mut missing = Vec::new();
        let mut mismatches = Vec::new();
        let mut loads = Vec::new();
        for (name, owner, key) in &slots {
            match sd.get(&Key(Value::str(name))) {
                None => missing.push(name.clone()),
                Some(v) => {
                    let src = tensor(v, "state_dict value")?;
                    let Some(Value::Tensor(dst)) = attr(owner, key) else { continue };
                    if src.shape() != dst.shape() {
                        mismatches.push(format!(
                            "size mismatch for {name}: copying a param with shape {} from checkpoint, the shape in current model is {}.",
                            size_str(src.shape()), size_str(dst.shape())
                        ));
                        continue;
                    }
                    loads.push((dst, src));
                }
            }
        }
        let unexpected: Vec<String> = sd
            .keys()
            .filter_map(|k| match &k.0 { Value::Str(s) => Some(s.to_string()), _ => None })
            .filter(|k| !slots.iter().any(|(n, _, _)| n == k))
            .collect();
        let mut msgs = Vec::new();
        if strict {
            let quoted = |v: &[String]| v.iter().map(|k| format!("\"{k}\"")).collect::<Vec<_>>().join(", ");
            if !missing.is_empty() {
                msgs.push(format!("Missing key(s) in state_dict: {}. ", quoted(&missing)));
            }
            if !unexpected.is_empty() {
                msgs.push(format!("Unexpected key(s) in state_dict: {}. ", quoted(&unexpected)));
            }
        }
        msgs.extend(mismatches);
        if !msgs.is_empty() {
            return Err(err("RuntimeError", format!(
                "Error(s) in loading state_dict for {}:\n\t{}", me.type_name(), msgs.join("\n\t")
            )));
        }
        graph::no_grad(|| -> crate::Result<()> {
            for (dst, src) in &loads {
                dst.copy_(src)?;
            }
            Ok(())
        })?;
        Ok(incompatible_keys(missing, unexpected))
    };
    "train", "Module.train(mode=True)", "Training mode for this module and its submodules (dropout on, batch statistics); returns self." => |it, a| {
        let me = this(a)?;
        let mode = flag(it, a, 1, "mode", true)?;
        set_training(it, &me, mode);
        Ok(me)
    };
    "eval", "Module.eval()", "Evaluation mode: dropout off, running statistics; returns self." => |it, a| {
        let me = this(a)?;
        set_training(it, &me, false);
        Ok(me)
    };
    "zero_grad", "Module.zero_grad(set_to_none=True)", "Clears every parameter's .grad (to None, or to zeros)." => |it, a| {
        let me = this(a)?;
        let none = flag(it, a, 1, "set_to_none", true)?;
        for (_, p) in it.named_parameters(&me, true) {
            zero_grad(&p, none)?;
        }
        Ok(Value::None)
    };
    "requires_grad_", "Module.requires_grad_(requires_grad=True)", "Turns gradient tracking of every parameter on or off; returns self." => |it, a| {
        let me = this(a)?;
        let on = flag(it, a, 1, "requires_grad", true)?;
        for (_, p) in it.named_parameters(&me, true) {
            p.set_requires_grad(on)?;
        }
        Ok(me)
    };
    "to", "Module.to(device=None, dtype=None)", "Moves (or casts) every parameter and buffer; returns self." => |it, a| {
        let me = this(a)?;
        let (device, dtype) = to_target(a)?;
        it.map_tensors(&me, &|t: &Tensor| {
            let mut t = t.clone();
            if let Some(d) = device { t = t.to_device(d)?; }
            if let Some(dt) = dtype { if t.dtype().is_float() { t = t.to_dtype(dt)?; } }
            Ok(t)
        })?;
        Ok(me)
    };
    "cuda", "Module.cuda(device=None)", "Moves every parameter and buffer to the GPU; returns self." => |it, a| {
        let me = this(a)?;
        let d = match a.opt(1, "device") { Some(Value::Int(i)) => Device::Cuda(i as usize), Some(v) => device_of(&v)?, None => Device::Cuda(0) };
        it.map_tensors(&me, &|t: &Tensor| t.to_device(d))?;
        Ok(me)
    };
    "cpu", "Module.cpu()", "Moves every parameter and buffer to the CPU; returns self." => |it, a| {
        let me = this(a)?;
        it.map_tensors(&me, &|t: &Tensor| t.to_device(Device::Cpu))?;
        Ok(me)
    };
    "double", "Module.double()", "Casts floating-point parameters and buffers to float64; returns self." => |it, a| cast(it, a, DType::F64);
    "float", "Module.float()", "Casts floating-point parameters and buffers to float32; returns self." => |it, a| cast(it, a, DType::F32);
    "half", "Module.half()", "Casts floating-point parameters and buffers to float16; returns self." => |it, a| cast(it, a, DType::F16);
    "apply", "Module.apply(fn)", "Calls fn on every submodule (children first) and on self; returns self." => |it, a| {
        let me = this(a)?;
        let f = a.req(1, "fn")?;
        apply_post_order(it, &me, &f)?;
        Ok(me)
    };
    "register_buffer", "Module.register_buffer(name, tensor, persistent=True)", "A tensor the module keeps and saves but does not train (running statistics)." => |it, a| {
        let me = this(a)?;
        let name = to_str(&a.req(1, "name")?, "buffer name")?;
        let t = a.req(2, "tensor")?;
        let persistent = flag(it, a, 3, "persistent", true)?;
        if !matches!(t, Value::Tensor(_) | Value::None) {
            return Err(type_err(format!("cannot assign '{}' object to buffer '{name}' (torch Tensor or None required)", t.type_name())));
        }
        check_name(&name, "buffer")?;
        push_name(&me, "_buffers", &name);
        if !persistent { push_name(&me, "_non_persistent", &name); }
        set_attr(&me, &name, t);
        Ok(Value::None)
    };
    "register_parameter", "Module.register_parameter(name, param)", "Adds a parameter (or None) under name." => |_, a| {
        let me = this(a)?;
        let name = to_str(&a.req(1, "name")?, "parameter name")?;
        let p = a.req(2, "param")?;
        if !is_param(&p) && !matches!(p, Value::None) {
            return Err(type_err(format!("cannot assign '{}' object to parameter '{name}' (torch.nn.Parameter or None required)", p.type_name())));
        }
        check_name(&name, "parameter")?;
        set_attr(&me, &name, p);
        Ok(Value::None)
    };
    "add_module", "Module.add_module(name, module)", "Adds a child module under name." => |it, a| add_module(it, a);
    "register_module", "Module.register_module(name, module)", "Adds a child module under name." => |it, a| add_module(it, a);
    "get_submodule", "Module.get_submodule(target)", "The submodule at a dotted path ('features.0')." => |it, a| {
        let me = this(a)?;
        let target = to_str(&a.req(1, "target")?, "target")?;
        let mut m = me;
        if target.is_empty() { return Ok(m); }
        for part in target.split('.') {
            let next = attr(&m, part).filter(|v| it.is_module(v));
            m = next.ok_or_else(|| err("AttributeError", format!("{} has no attribute `{part}`", m.type_name())))?;
        }
        Ok(m)
    };
}

/// `fn` on every child's subtree first, then on `me` (PyTorch's order).
fn apply_post_order(it: &mut Interp, me: &Value, f: &Value) -> R<()> {
    for (_, c) in it.children_of(me) {
        apply_post_order(it, &c, f)?;
    }
    it.call(f, vec![me.clone()], vec![])?;
    Ok(())
}

fn check_name(name: &str, what: &str) -> R<()> {
    if name.is_empty() || name.contains('.') {
        return Err(err(
            "KeyError",
            format!("\"{what} name can't contain \\\".\\\" or be empty\""),
        ));
    }
    Ok(())
}

fn add_module(it: &mut Interp, a: &mut Args) -> R<Value> {
    let me = this(a)?;
    let name = to_str(&a.req(1, "name")?, "module name")?;
    let m = a.req(2, "module")?;
    if !matches!(m, Value::None) {
        it.module_arg(&m, "add_module")?;
    }
    check_name(&name, "module")?;
    set_attr(&me, &name, m);
    Ok(Value::None)
}

fn cast(it: &mut Interp, a: &mut Args, dt: DType) -> R<Value> {
    let me = this(a)?;
    it.map_tensors(&me, &|t: &Tensor| {
        if t.dtype().is_float() {
            t.to_dtype(dt)
        } else {
            Ok(t.clone())
        }
    })?;
    Ok(me)
}

/// `p.grad = None`, or zeroed in place.
pub(crate) fn zero_grad(p: &Tensor, set_to_none: bool) -> crate::Result<()> {
    if set_to_none {
        return p.set_grad(None);
    }
    if let Some(g) = p.grad() {
        graph::no_grad(|| g.detach().zero_().map(|_| ()))?;
    }
    Ok(())
}

fn size_str(s: &[usize]) -> String {
    let v: Vec<String> = s.iter().map(|d| d.to_string()).collect();
    format!("torch.Size([{}])", v.join(", "))
}

table! { INCOMPATIBLE_KEYS_METHODS:
    "__repr__", "__repr__()", "<All keys matched successfully>, or the keys that did not." => |it, a| {
        let me = this(a)?;
        let m = attr(&me, "missing_keys").unwrap_or(Value::None);
        let u = attr(&me, "unexpected_keys").unwrap_or(Value::None);
        let empty = |v: &Value| matches!(v, Value::List(l) if l.borrow().is_empty());
        if empty(&m) && empty(&u) {
            return Ok(Value::str("<All keys matched successfully>"));
        }
        let s = format!("_IncompatibleKeys(missing_keys={}, unexpected_keys={})", it.repr(&m)?, it.repr(&u)?);
        Ok(Value::str(&s))
    };
}

fn incompatible_keys(missing: Vec<String>, unexpected: Vec<String>) -> Value {
    let class = class_with("_IncompatibleKeys", INCOMPATIBLE_KEYS_METHODS);
    let list = |v: Vec<String>| Value::list(v.iter().map(|s| Value::str(s)).collect());
    let mut attrs = IndexMap::new();
    attrs.insert(Rc::from("missing_keys"), list(missing));
    attrs.insert(Rc::from("unexpected_keys"), list(unexpected));
    Value::Instance(Rc::new(Instance {
        class,
        attrs: RefCell::new(attrs),
    }))
}

table! { PARAMETER_CTOR:
    "Parameter", "nn.Parameter(data=None, requires_grad=True)", "A tensor a module trains: it shares data's storage and requires grad." => |it, a| {
        let data = match a.opt(0, "data") {
            Some(v) => tensor(&v, "Parameter(): argument 'data'")?,
            None => Tensor::zeros(&[0], DType::F32)?,
        };
        let rg = flag(it, a, 1, "requires_grad", true)?;
        a.finish()?;
        if rg && !data.dtype().is_float() {
            return Err(err("RuntimeError", "Only Tensors of floating point and complex dtype can require gradients"));
        }
        Ok(Value::Tensor(data.detach().to_parameter(rg)?))
    };
}

/// Sets the Python module a built-in class reports (`<class 'torch.nn.modules.linear.Linear'>`).
pub(crate) fn set_module_path(c: &Rc<Class>, path: &str) {
    c.ns.borrow_mut()
        .insert(Rc::from("__module__"), Value::str(path));
}

/// The `nn.Module` class and the `nn.Parameter` class (a Tensor subclass).
pub(crate) fn module_classes(tensor_class: &Rc<Class>) -> (Rc<Class>, Rc<Class>) {
    let module = class_with("Module", MODULE_METHODS);
    set_module_path(&module, "torch.nn.modules.module");
    let param = subclass("Parameter", &[], tensor_class);
    set_module_path(&param, "torch.nn.parameter");
    param
        .ns
        .borrow_mut()
        .insert(Rc::from("__new__"), Value::Builtin(&PARAMETER_CTOR[0]));
    (module, param)
}
