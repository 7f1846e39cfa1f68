//! `torch.optim` and `torch.optim.lr_scheduler` in the language: optimizers keep
//! PyTorch's `param_groups` (a list of dicts a user may edit, `opt.param_groups[0]['lr']`)
//! and `state` (a dict keyed by parameter); `step()` reads each group's settings and runs
//! the Rust update of `crate::optim` on every parameter with a gradient. Schedulers keep
//! their settings as attributes and rewrite the groups' `lr` through `crate::optim::sched`.

use super::module::{attr, builtin_name, set_attr, subclass, zero_grad};
use crate::eval::lang::builtins::{table, to_float, to_int, to_str, Args, Builtin};
use crate::eval::lang::exc::{err, type_err, value_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use crate::eval::torch::{module, opt_float, table_entries, tensor};
use crate::optim::{self as opt, sched};
use crate::Tensor;
use std::cell::RefCell;
use std::rc::Rc;

fn this(a: &mut Args) -> R<Value> {
    a.req(0, "self")
}

fn skey(s: &str) -> Key {
    Key(Value::str(s))
}

/// The optimizers' defaults, in PyTorch's order.
fn defaults(name: &str) -> Vec<(&'static str, Value)> {
    use Value::*;
    let f = Float;
    match name {
        "SGD" => vec![
            ("lr", f(0.001)),
            ("momentum", Int(0)),
            ("dampening", Int(0)),
            ("weight_decay", Int(0)),
            ("nesterov", Bool(false)),
            ("maximize", Bool(false)),
            ("foreach", None),
            ("differentiable", Bool(false)),
            ("fused", None),
        ],
        "Adam" | "AdamW" => vec![
            ("lr", f(0.001)),
            ("betas", Value::tuple(vec![f(0.9), f(0.999)])),
            ("eps", f(1e-8)),
            (
                "weight_decay",
                if name == "AdamW" { f(0.01) } else { Int(0) },
            ),
            ("amsgrad", Bool(false)),
            ("maximize", Bool(false)),
            ("foreach", None),
            ("capturable", Bool(false)),
            ("differentiable", Bool(false)),
            ("fused", None),
            ("decoupled_weight_decay", Bool(name == "AdamW")),
        ],
        "RMSprop" => vec![
            ("lr", f(0.01)),
            ("momentum", Int(0)),
            ("alpha", f(0.99)),
            ("eps", f(1e-8)),
            ("centered", Bool(false)),
            ("weight_decay", Int(0)),
            ("capturable", Bool(false)),
            ("foreach", None),
            ("maximize", Bool(false)),
            ("differentiable", Bool(false)),
        ],
        _ => vec![
            ("lr", f(0.01)),
            ("lr_decay", Int(0)),
            ("eps", f(1e-10)),
            ("weight_decay", Int(0)),
            ("initial_accumulator_value", Int(0)),
            ("foreach", None),
            ("maximize", Bool(false)),
            ("differentiable", Bool(false)),
            ("fused", None),
        ],
    }
}

/// The constructor's positional order after `params` (PyTorch's signatures).
fn positional(name: &str) -> &'static [&'static str] {
    match name {
        "SGD" => &["lr", "momentum", "dampening", "weight_decay", "nesterov"],
        "Adam" | "AdamW" => &["lr", "betas", "eps", "weight_decay", "amsgrad"],
        "RMSprop" => &["lr", "alpha", "eps", "weight_decay", "momentum", "centered"],
        _ => &[
            "lr",
            "lr_decay",
            "weight_decay",
            "initial_accumulator_value",
            "eps",
        ],
    }
}

fn g_float(g: &Dict, k: &str) -> R<f64> {
    match g.get(&skey(k)) {
        Some(v) => to_float(v, k),
        None => Ok(0.0),
    }
}

fn g_bool(g: &Dict, k: &str) -> bool {
    matches!(g.get(&skey(k)), Some(Value::Bool(true)))
}

fn g_params(g: &Dict) -> R<Vec<Tensor>> {
    match g.get(&skey("params")) {
        Some(Value::List(l)) => l.borrow().iter().map(|v| tensor(v, "param")).collect(),
        _ => Ok(Vec::new()),
    }
}

fn check_hparams(g: &Dict) -> R<()> {
    let lr = g_float(g, "lr")?;
    if lr < 0.0 {
        return Err(value_err(format!("Invalid learning rate: {lr}")));
    }
    for k in ["momentum", "weight_decay", "eps", "alpha", "lr_decay"] {
        if g.contains_key(&skey(k)) && g_float(g, k)? < 0.0 {
            let what = match k {
                "momentum" => "momentum value",
                "weight_decay" => "weight_decay value",
                "eps" => "epsilon value",
                "alpha" => "alpha value",
                _ => "lr_decay value",
            };
            return Err(value_err(format!("Invalid {what}: {}", g_float(g, k)?)));
        }
    }
    Ok(())
}

impl Interp {
    /// A param group: the given dict (or params) with the optimizer's defaults filled in.
    fn param_group(&mut self, given: &Value, defaults: &Dict) -> R<Value> {
        let mut g = Dict::new();
        let params = match given {
            Value::Dict(d) => {
                let d = d.borrow().clone();
                let p = d
                    .get(&skey("params"))
                    .cloned()
                    .ok_or_else(|| err("KeyError", "'params'"))?;
                for (k, v) in d {
                    g.insert(k, v);
                }
                p
            }
            v => v.clone(),
        };
        let params = match &params {
            Value::Tensor(_) => vec![params.clone()],
            v => self.collect(v)?,
        };
        for p in &params {
            let Value::Tensor(t) = p else {
                return Err(type_err(format!(
                    "optimizer can only optimize Tensors, but one of the params is {}",
                    p.type_name()
                )));
            };
            if !t.is_leaf() {
                return Err(value_err("can't optimize a non-leaf Tensor"));
            }
        }
        g.insert(skey("params"), Value::list(params));
        for (k, v) in defaults {
            if !g.contains_key(k) {
                g.insert(k.clone(), v.clone());
            }
        }
        check_hparams(&g)?;
        Ok(Value::dict(g))
    }

    fn groups(&self, me: &Value) -> Vec<Rc<RefCell<Dict>>> {
        match attr(me, "param_groups") {
            Some(Value::List(l)) => l
                .borrow()
                .iter()
                .filter_map(|g| match g {
                    Value::Dict(d) => Some(d.clone()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }
}

fn state_dict_of(me: &Value) -> Rc<RefCell<Dict>> {
    match attr(me, "state") {
        Some(Value::Dict(d)) => d,
        _ => {
            let d = Rc::new(RefCell::new(Dict::new()));
            set_attr(me, "state", Value::Dict(d.clone()));
            d
        }
    }
}

/// One parameter's state dict as the Rust state, and back.
fn load_state(d: Option<&Value>) -> R<opt::State> {
    let mut s = opt::State::default();
    let Some(Value::Dict(d)) = d else {
        return Ok(s);
    };
    for (k, v) in d.borrow().iter() {
        let (Value::Str(name), Value::Tensor(t)) = (&k.0, v) else {
            continue;
        };
        let name: &'static str = match &**name {
            "step" => {
                s.step = t.item()?.to_f64() as u64;
                continue;
            }
            "momentum_buffer" => "momentum_buffer",
            "exp_avg" => "exp_avg",
            "exp_avg_sq" => "exp_avg_sq",
            "max_exp_avg_sq" => "max_exp_avg_sq",
            "square_avg" => "square_avg",
            "grad_avg" => "grad_avg",
            "sum" => "sum",
            _ => continue,
        };
        s.set(name, t.clone());
    }
    Ok(s)
}

fn store_state(s: &opt::State, with_step: bool) -> R<Value> {
    let mut d = Dict::new();
    if with_step {
        d.insert(
            skey("step"),
            Value::Tensor(Tensor::scalar(s.step as f64)?.to_dtype(crate::DType::F32)?),
        );
    }
    for (n, t) in &s.tensors {
        d.insert(skey(n), Value::Tensor(t.clone()));
    }
    Ok(Value::dict(d))
}

fn step(it: &mut Interp, me: &Value) -> R<()> {
    let kind = builtin_name(me);
    let state = state_dict_of(me);
    for g in it.groups(me) {
        let g = g.borrow().clone();
        let lr = g_float(&g, "lr")?;
        let maximize = g_bool(&g, "maximize");
        let wd = g_float(&g, "weight_decay")?;
        for p in g_params(&g)? {
            if p.grad().is_none() {
                continue;
            }
            let key = Key(Value::Tensor(p.clone()));
            let mut s = load_state(state.borrow().get(&key))?;
            let with_step = kind != "SGD";
            match kind.as_str() {
                "SGD" => {
                    let h = opt::Sgd {
                        lr,
                        momentum: g_float(&g, "momentum")?,
                        dampening: g_float(&g, "dampening")?,
                        weight_decay: wd,
                        nesterov: g_bool(&g, "nesterov"),
                        maximize,
                    };
                    opt::sgd_step(&p, &mut s, &h)?;
                }
                "Adam" | "AdamW" => {
                    let betas = match g.get(&skey("betas")) {
                        Some(v) => {
                            let b = it.collect(v)?;
                            let [b1, b2] = b.as_slice() else {
                                return Err(value_err("betas must be a pair"));
                            };
                            (to_float(b1, "beta1")?, to_float(b2, "beta2")?)
                        }
                        None => (0.9, 0.999),
                    };
                    let h = opt::Adam {
                        lr,
                        betas,
                        eps: g_float(&g, "eps")?,
                        weight_decay: wd,
                        amsgrad: g_bool(&g, "amsgrad"),
                        maximize,
                        decoupled: g_bool(&g, "decoupled_weight_decay"),
                    };
                    opt::adam_step(&p, &mut s, &h)?;
                }
                "RMSprop" => {
                    let h = opt::RmsProp {
                        lr,
                        alpha: g_float(&g, "alpha")?,
                        eps: g_float(&g, "eps")?,
                        weight_decay: wd,
                        momentum: g_float(&g, "momentum")?,
                        centered: g_bool(&g, "centered"),
                        maximize,
                    };
                    opt::rmsprop_step(&p, &mut s, &h)?;
                }
                _ => {
                    let h = opt::Adagrad {
                        lr,
                        lr_decay: g_float(&g, "lr_decay")?,
                        weight_decay: wd,
                        eps: g_float(&g, "eps")?,
                        maximize,
                    };
                    let init = g_float(&g, "initial_accumulator_value")?;
                    opt::adagrad_step(&p, &mut s, &h, init)?;
                }
            }
            let v = store_state(&s, with_step)?;
            state.borrow_mut().insert(key, v);
        }
    }
    Ok(())
}

fn optimizer_init(it: &mut Interp, a: &mut Args) -> R<Value> {
    let me = this(a)?;
    let kind = builtin_name(&me);
    let params = a.req(1, "params")?;
    let mut defaults: Dict = defaults(&kind)
        .into_iter()
        .map(|(k, v)| (skey(k), v))
        .collect();
    for (i, name) in positional(&kind).iter().enumerate() {
        if let Some(v) = a.get(i + 2, name) {
            defaults.insert(skey(name), v);
        }
    }
    let kw = std::mem::take(&mut a.kw);
    for (k, v) in kw {
        if !defaults.contains_key(&skey(&k)) {
            return Err(type_err(format!(
                "{kind}.__init__() got an unexpected keyword argument '{k}'"
            )));
        }
        defaults.insert(skey(&k), v);
    }
    a.finish()?;
    if kind == "SGD"
        && g_bool(&defaults, "nesterov")
        && (g_float(&defaults, "momentum")? <= 0.0 || g_float(&defaults, "dampening")? != 0.0)
    {
        return Err(value_err(
            "Nesterov momentum requires a momentum and zero dampening",
        ));
    }
    check_hparams(&defaults)?;
    let given = match &params {
        Value::Tensor(_) => vec![params.clone()],
        v => it.collect(v)?,
    };
    if given.is_empty() {
        return Err(value_err("optimizer got an empty parameter list"));
    }
    let group_values = if given.iter().all(|v| matches!(v, Value::Dict(_))) {
        given
    } else {
        vec![Value::list(given)]
    };
    let mut groups = Vec::new();
    for g in &group_values {
        groups.push(it.param_group(g, &defaults)?);
    }
    set_attr(&me, "defaults", Value::dict(defaults));
    set_attr(&me, "state", Value::dict(Dict::new()));
    set_attr(&me, "param_groups", Value::list(groups));
    Ok(Value::None)
}

/// A param's index in the groups' order (PyTorch's state_dict numbering).
fn param_ids(it: &Interp, me: &Value) -> R<Vec<Tensor>> {
    let mut out = Vec::new();
    for g in it.groups(me) {
        out.extend(g_params(&g.borrow())?);
    }
    Ok(out)
}

table! { OPTIMIZER_METHODS:
    "__init__", "Optimizer(params, **defaults)", "Keeps param groups and per-parameter state." => |it, a| optimizer_init(it, a);
    "step", "step(closure=None)", "One update of every parameter that has a .grad." => |it, a| {
        let me = this(a)?;
        let closure = a.opt(1, "closure");
        a.finish()?;
        let loss = match closure {
            Some(c) => {
                let prev = crate::autograd::set_grad_enabled(true);
                let r = it.call(&c, vec![], vec![]);
                crate::autograd::set_grad_enabled(prev);
                r?
            }
            None => Value::None,
        };
        step(it, &me)?;
        Ok(loss)
    };
    "zero_grad", "zero_grad(set_to_none=True)", "Clears the .grad of every parameter (to None, or to zeros)." => |it, a| {
        let me = this(a)?;
        let none = match a.opt(1, "set_to_none") { Some(v) => it.truthy(&v)?, None => true };
        a.finish()?;
        for p in param_ids(it, &me)? {
            zero_grad(&p, none)?;
        }
        Ok(Value::None)
    };
    "add_param_group", "add_param_group(param_group)", "Adds a group (a dict with 'params') with its own settings." => |it, a| {
        let me = this(a)?;
        let g = a.req(1, "param_group")?;
        a.finish()?;
        let Value::Dict(_) = &g else { return Err(type_err("param_group must be a dict")) };
        let defaults = match attr(&me, "defaults") { Some(Value::Dict(d)) => d.borrow().clone(), _ => Dict::new() };
        let g = it.param_group(&g, &defaults)?;
        if let Some(Value::List(l)) = attr(&me, "param_groups") {
            l.borrow_mut().push(g);
        }
        Ok(Value::None)
    };
    "state_dict", "state_dict()", "{'state': {index: {...}}, 'param_groups': [...]} with parameters as indices." => |it, a| {
        let me = this(a)?;
        a.finish()?;
        let ids = param_ids(it, &me)?;
        let state = state_dict_of(&me);
        let mut st = Dict::new();
        for (i, p) in ids.iter().enumerate() {
            if let Some(v) = state.borrow().get(&Key(Value::Tensor(p.clone()))) {
                st.insert(Key(Value::Int(i as i64)), v.clone());
            }
        }
        let mut groups = Vec::new();
        let mut next = 0i64;
        for g in it.groups(&me) {
            let g = g.borrow();
            let mut d = Dict::new();
            for (k, v) in g.iter() {
                if !matches!(&k.0, Value::Str(s) if &**s == "params") {
                    d.insert(k.clone(), v.clone());
                }
            }
            let n = g_params(&g)?.len() as i64;
            d.insert(skey("params"), Value::list((next..next + n).map(Value::Int).collect()));
            next += n;
            groups.push(Value::dict(d));
        }
        let mut out = Dict::new();
        out.insert(skey("state"), Value::dict(st));
        out.insert(skey("param_groups"), Value::list(groups));
        Ok(Value::dict(out))
    };
    "load_state_dict", "load_state_dict(state_dict)", "Restores the groups' settings and the per-parameter state." => |it, a| {
        let me = this(a)?;
        let sd = a.req(1, "state_dict")?;
        a.finish()?;
        let Value::Dict(sd) = sd else { return Err(type_err("state_dict must be a dict")) };
        let sd = sd.borrow().clone();
        let ids = param_ids(it, &me)?;
        let groups = it.groups(&me);
        if let Some(Value::List(saved)) = sd.get(&skey("param_groups")) {
            let saved = saved.borrow().clone();
            if saved.len() != groups.len() {
                return Err(value_err("loaded state dict has a different number of parameter groups"));
            }
            for (g, s) in groups.iter().zip(saved) {
                let Value::Dict(s) = s else { continue };
                let s = s.borrow();
                let n_saved = match s.get(&skey("params")) { Some(Value::List(l)) => l.borrow().len(), _ => 0 };
                if n_saved != g_params(&g.borrow())?.len() {
                    return Err(value_err("loaded state dict contains a parameter group that doesn't match the size of optimizer's group"));
                }
                for (k, v) in s.iter() {
                    if !matches!(&k.0, Value::Str(n) if &**n == "params") {
                        g.borrow_mut().insert(k.clone(), v.clone());
                    }
                }
            }
        }
        let state = state_dict_of(&me);
        state.borrow_mut().clear();
        if let Some(Value::Dict(st)) = sd.get(&skey("state")) {
            for (k, v) in st.borrow().iter() {
                let i = to_int(&k.0, "state index")?;
                if let Some(p) = ids.get(i.max(0) as usize) {
                    let copy = match v {
                        Value::Dict(d) => {
                            let mut c = Dict::new();
                            for (k, v) in d.borrow().iter() {
                                let v = match v { Value::Tensor(t) => Value::Tensor(t.clone_contiguous()?.to_dtype(if k.0.type_name() == "str" && matches!(&k.0, Value::Str(s) if &**s == "step") { t.dtype() } else { p.dtype() })?), v => v.clone() };
                                c.insert(k.clone(), v);
                            }
                            Value::dict(c)
                        }
                        v => v.clone(),
                    };
                    state.borrow_mut().insert(Key(Value::Tensor(p.clone())), copy);
                }
            }
        }
        Ok(Value::None)
    };
    "__repr__", "__repr__()", "PyTorch's listing of each group's settings." => |it, a| {
        let me = this(a)?;
        let mut s = format!("{} (", me.type_name());
        for (i, g) in it.groups(&me).into_iter().enumerate() {
            s.push_str(&format!("\nParameter Group {i}\n"));
            let g = g.borrow().clone();
            let mut keys: Vec<(String, Value)> = g.iter().filter_map(|(k, v)| match &k.0 { Value::Str(n) if &**n != "params" => Some((n.to_string(), v.clone())), _ => None }).collect();
            keys.sort_by(|a, b| a.0.cmp(&b.0));
            for (k, v) in keys {
                s.push_str(&format!("    {k}: {}\n", it.str_of(&v)?));
            }
        }
        s.push(')');
        Ok(Value::str(&s))
    };
}

// ------------------------------------------------------------------ schedulers

fn optimizer_of(me: &Value) -> R<Value> {
    attr(me, "optimizer").ok_or_else(|| type_err("scheduler has no optimizer"))
}

fn lrs(it: &Interp, optimizer: &Value) -> R<Vec<f64>> {
    it.groups(optimizer)
        .iter()
        .map(|g| g_float(&g.borrow(), "lr"))
        .collect()
}

fn set_lrs(it: &Interp, optimizer: &Value, lrs: &[f64]) {
    for (g, lr) in it.groups(optimizer).iter().zip(lrs) {
        g.borrow_mut().insert(skey("lr"), Value::Float(*lr));
    }
}

fn floats(v: &[f64]) -> Value {
    Value::list(v.iter().map(|x| Value::Float(*x)).collect())
}

fn f_attr(me: &Value, k: &str) -> R<f64> {
    to_float(&attr(me, k).unwrap_or(Value::Float(0.0)), k)
}

/// The schedule a scheduler's attributes describe.
fn kind_of(it: &mut Interp, me: &Value) -> R<sched::Kind> {
    let name = builtin_name(me);
    Ok(match name.as_str() {
        "StepLR" => sched::Kind::Step {
            step_size: to_int(&attr(me, "step_size").unwrap_or(Value::Int(1)), "step_size")?.max(1),
            gamma: f_attr(me, "gamma")?,
        },
        "MultiStepLR" => {
            let ms = it.collect(&attr(me, "milestones").unwrap_or(Value::list(vec![])))?;
            sched::Kind::MultiStep {
                milestones: ms
                    .iter()
                    .map(|m| to_int(m, "milestone"))
                    .collect::<R<_>>()?,
                gamma: f_attr(me, "gamma")?,
            }
        }
        "ExponentialLR" => sched::Kind::Exponential {
            gamma: f_attr(me, "gamma")?,
        },
        "CosineAnnealingLR" => sched::Kind::CosineAnnealing {
            t_max: f_attr(me, "T_max")?,
            eta_min: f_attr(me, "eta_min")?,
        },
        _ => {
            let opt = optimizer_of(me)?;
            let groups = it.groups(&opt);
            let get = |k: &str| -> R<Vec<f64>> {
                groups.iter().map(|g| g_float(&g.borrow(), k)).collect()
            };
            let cycle = matches!(attr(me, "cycle_momentum"), Some(Value::Bool(true)));
            let momentum = if cycle {
                let base = get("base_momentum")?;
                let max = get("max_momentum")?;
                Some(base.into_iter().zip(max).collect())
            } else {
                None
            };
            sched::Kind::OneCycle(sched::OneCycle {
                total_steps: to_int(
                    &attr(me, "total_steps").unwrap_or(Value::Int(1)),
                    "total_steps",
                )?,
                pct_start: f_attr(me, "_pct_start")?,
                cos: matches!(attr(me, "_anneal_strategy"), Some(Value::Str(s)) if &*s == "cos"),
                three_phase: matches!(attr(me, "_three_phase"), Some(Value::Bool(true))),
                initial_lr: get("initial_lr")?,
                max_lr: get("max_lr")?,
                min_lr: get("min_lr")?,
                momentum,
            })
        }
    })
}

fn sched_step(it: &mut Interp, me: &Value) -> R<()> {
    let opt = optimizer_of(me)?;
    let mut cur = lrs(it, &opt)?;
    let base = match attr(me, "base_lrs") {
        Some(v) => it
            .collect(&v)?
            .iter()
            .map(|x| to_float(x, "base_lr"))
            .collect::<R<Vec<f64>>>()?,
        None => cur.clone(),
    };
    let last = to_int(
        &attr(me, "last_epoch").unwrap_or(Value::Int(-1)),
        "last_epoch",
    )?;
    let mut momenta = vec![None; cur.len()];
    if builtin_name(me) == "LambdaLR" {
        let f = attr(me, "lr_lambda").unwrap_or(Value::None);
        let e = last + 1;
        for (i, lr) in cur.iter_mut().enumerate() {
            let fi = match &f {
                Value::List(l) => l.borrow().get(i).cloned().unwrap_or(Value::None),
                f => f.clone(),
            };
            let k = it.call(&fi, vec![Value::Int(e)], vec![])?;
            *lr = base[i] * to_float(&k, "lr_lambda result")?;
        }
        set_attr(me, "last_epoch", Value::Int(e));
    } else {
        let kind = kind_of(it, me)?;
        let mut s = sched::Scheduler {
            kind,
            last_epoch: last,
            base_lrs: base,
        };
        s.step(&mut cur, &mut momenta)?;
        set_attr(me, "last_epoch", Value::Int(s.last_epoch));
    }
    set_lrs(it, &opt, &cur);
    for (g, m) in it.groups(&opt).iter().zip(momenta) {
        let Some(m) = m else { continue };
        let mut g = g.borrow_mut();
        match g.get(&skey("betas")).cloned() {
            Some(Value::Tuple(b)) => {
                let mut b = b.to_vec();
                b[0] = Value::Float(m);
                g.insert(skey("betas"), Value::tuple(b));
            }
            _ => {
                g.insert(skey("momentum"), Value::Float(m));
            }
        }
    }
    set_attr(me, "_last_lr", floats(&cur));
    Ok(())
}

/// The shared end of every scheduler's constructor: `initial_lr`, `base_lrs`, first step.
fn sched_start(it: &mut Interp, me: &Value, optimizer: Value, last_epoch: i64) -> R<()> {
    if !matches!(&optimizer, Value::Instance(_)) || attr(&optimizer, "param_groups").is_none() {
        return Err(type_err(format!(
            "{} is not an Optimizer",
            optimizer.type_name()
        )));
    }
    for g in it.groups(&optimizer) {
        let mut g = g.borrow_mut();
        if !g.contains_key(&skey("initial_lr")) {
            let lr = g.get(&skey("lr")).cloned().unwrap_or(Value::Float(0.0));
            g.insert(skey("initial_lr"), lr);
        }
    }
    let base: Vec<f64> = it
        .groups(&optimizer)
        .iter()
        .map(|g| g_float(&g.borrow(), "initial_lr"))
        .collect::<R<_>>()?;
    set_attr(me, "optimizer", optimizer);
    set_attr(me, "base_lrs", floats(&base));
    set_attr(me, "last_epoch", Value::Int(last_epoch));
    sched_step(it, me)
}

fn last_epoch(a: &mut Args, i: usize) -> R<i64> {
    a.kw("verbose");
    Ok(a.opt(i, "last_epoch")
        .map(|v| to_int(&v, "last_epoch"))
        .transpose()?
        .unwrap_or(-1))
}

/// Per-group values: one number for all groups, or a list with one per group.
fn per_group(it: &mut Interp, v: &Value, n: usize, name: &str) -> R<Vec<f64>> {
    match v {
        Value::List(_) | Value::Tuple(_) => {
            let items = it.collect(v)?;
            if items.len() != n {
                return Err(value_err(format!(
                    "expected {n} values for {name}, got {}",
                    items.len()
                )));
            }
            items.iter().map(|x| to_float(x, name)).collect()
        }
        v => Ok(vec![to_float(v, name)?; n]),
    }
}

table! { SCHED_METHODS:
    "step", "step()", "Moves to the next epoch (or batch) and sets each group's lr." => |it, a| {
        let me = this(a)?;
        a.opt(1, "epoch");
        a.finish()?;
        sched_step(it, &me)?;
        Ok(Value::None)
    };
    "get_last_lr", "get_last_lr()", "The learning rates the last step set, one per group." => |_, a| {
        let me = this(a)?;
        Ok(attr(&me, "_last_lr").unwrap_or(Value::list(vec![])))
    };
    "state_dict", "state_dict()", "The scheduler's settings and position, without the optimizer." => |_, a| {
        let me = this(a)?;
        let mut d = Dict::new();
        if let Value::Instance(i) = &me {
            for (k, v) in i.attrs.borrow().iter() {
                if &**k != "optimizer" && &**k != "lr_lambda" {
                    d.insert(Key(Value::Str(k.clone())), v.clone());
                }
            }
        }
        Ok(Value::dict(d))
    };
    "load_state_dict", "load_state_dict(state_dict)", "Restores the settings and position." => |_, a| {
        let me = this(a)?;
        let Value::Dict(d) = a.req(1, "state_dict")? else { return Err(type_err("state_dict must be a dict")) };
        for (k, v) in d.borrow().iter() {
            if let Value::Str(k) = &k.0 { set_attr(&me, k, v.clone()); }
        }
        Ok(Value::None)
    };
}

table! { STEP_LR: "__init__", "StepLR(optimizer, step_size, gamma=0.1, last_epoch=-1)", "Multiplies the lr by gamma every step_size epochs." => |it, a| {
    let me = this(a)?;
    let o = a.req(1, "optimizer")?;
    let s = to_int(&a.req(2, "step_size")?, "step_size")?;
    let g = opt_float(a, 3, "gamma")?.unwrap_or(0.1);
    let le = last_epoch(a, 4)?;
    a.finish()?;
    set_attr(&me, "step_size", Value::Int(s));
    set_attr(&me, "gamma", Value::Float(g));
    sched_start(it, &me, o, le)?;
    Ok(Value::None)
}; }

table! { MULTI_STEP_LR: "__init__", "MultiStepLR(optimizer, milestones, gamma=0.1, last_epoch=-1)", "Multiplies the lr by gamma at each milestone epoch." => |it, a| {
    let me = this(a)?;
    let o = a.req(1, "optimizer")?;
    let m = a.req(2, "milestones")?;
    let m = Value::list(it.collect(&m)?);
    let g = opt_float(a, 3, "gamma")?.unwrap_or(0.1);
    let le = last_epoch(a, 4)?;
    a.finish()?;
    set_attr(&me, "milestones", m);
    set_attr(&me, "gamma", Value::Float(g));
    sched_start(it, &me, o, le)?;
    Ok(Value::None)
}; }

table! { EXP_LR: "__init__", "ExponentialLR(optimizer, gamma, last_epoch=-1)", "Multiplies the lr by gamma every epoch." => |it, a| {
    let me = this(a)?;
    let o = a.req(1, "optimizer")?;
    let g = to_float(&a.req(2, "gamma")?, "gamma")?;
    let le = last_epoch(a, 3)?;
    a.finish()?;
    set_attr(&me, "gamma", Value::Float(g));
    sched_start(it, &me, o, le)?;
    Ok(Value::None)
}; }

table! { COSINE_LR: "__init__", "CosineAnnealingLR(optimizer, T_max, eta_min=0.0, last_epoch=-1)", "Anneals the lr along a cosine from its start to eta_min over T_max epochs." => |it, a| {
    let me = this(a)?;
    let o = a.req(1, "optimizer")?;
    let t = to_float(&a.req(2, "T_max")?, "T_max")?;
    let e = opt_float(a, 3, "eta_min")?.unwrap_or(0.0);
    let le = last_epoch(a, 4)?;
    a.finish()?;
    set_attr(&me, "T_max", if t.fract() == 0.0 { Value::Int(t as i64) } else { Value::Float(t) });
    set_attr(&me, "eta_min", Value::Float(e));
    sched_start(it, &me, o, le)?;
    Ok(Value::None)
}; }

table! { LAMBDA_LR: "__init__", "LambdaLR(optimizer, lr_lambda, last_epoch=-1)", "lr = initial lr × lr_lambda(epoch)." => |it, a| {
    let me = this(a)?;
    let o = a.req(1, "optimizer")?;
    let f = a.req(2, "lr_lambda")?;
    let le = last_epoch(a, 3)?;
    a.finish()?;
    set_attr(&me, "lr_lambda", f);
    sched_start(it, &me, o, le)?;
    Ok(Value::None)
}; }

table! { ONE_CYCLE_LR: "__init__", "OneCycleLR(optimizer, max_lr, total_steps=None, epochs=None, steps_per_epoch=None, pct_start=0.3, anneal_strategy='cos', cycle_momentum=True, base_momentum=0.85, max_momentum=0.95, div_factor=25.0, final_div_factor=10000.0, three_phase=False, last_epoch=-1)", "The 1cycle policy: lr up to max_lr then down far below the start, per batch." => |it, a| {
    let me = this(a)?;
    let o = a.req(1, "optimizer")?;
    let max_lr = a.req(2, "max_lr")?;
    let total = a.opt(3, "total_steps").map(|v| to_int(&v, "total_steps")).transpose()?;
    let epochs = a.opt(4, "epochs").map(|v| to_int(&v, "epochs")).transpose()?;
    let spe = a.opt(5, "steps_per_epoch").map(|v| to_int(&v, "steps_per_epoch")).transpose()?;
    let pct = opt_float(a, 6, "pct_start")?.unwrap_or(0.3);
    let strategy = a.opt(7, "anneal_strategy").map(|v| to_str(&v, "anneal_strategy")).transpose()?.unwrap_or_else(|| Rc::from("cos"));
    let cycle = match a.opt(8, "cycle_momentum") { Some(v) => it.truthy(&v)?, None => true };
    let base_m = a.opt(9, "base_momentum").unwrap_or(Value::Float(0.85));
    let max_m = a.opt(10, "max_momentum").unwrap_or(Value::Float(0.95));
    let div = opt_float(a, 11, "div_factor")?.unwrap_or(25.0);
    let fdiv = opt_float(a, 12, "final_div_factor")?.unwrap_or(1e4);
    let three = match a.opt(13, "three_phase") { Some(v) => it.truthy(&v)?, None => false };
    let le = last_epoch(a, 14)?;
    a.finish()?;
    let total = match (total, epochs, spe) {
        (Some(t), _, _) if t > 0 => t,
        (Some(t), _, _) => return Err(value_err(format!("Expected positive integer total_steps, but got {t}"))),
        (None, Some(e), Some(s)) if e > 0 && s > 0 => e * s,
        (None, Some(_), Some(_)) => return Err(value_err("Expected positive integer epochs and steps_per_epoch")),
        _ => return Err(value_err("You must define either total_steps OR (epochs AND steps_per_epoch)")),
    };
    if !(0.0..=1.0).contains(&pct) {
        return Err(value_err(format!("Expected float between 0 and 1 pct_start, but got {pct}")));
    }
    if &*strategy != "cos" && &*strategy != "linear" {
        return Err(value_err(format!("anneal_strategy must be one of 'cos' or 'linear', instead got {strategy}")));
    }
    let groups = it.groups(&o);
    let n = groups.len();
    let max_lrs = per_group(it, &max_lr, n, "max_lr")?;
    let base_ms = per_group(it, &base_m, n, "base_momentum")?;
    let max_ms = per_group(it, &max_m, n, "max_momentum")?;
    let use_beta1 = match attr(&o, "defaults") { Some(Value::Dict(d)) => d.borrow().contains_key(&skey("betas")), _ => false };
    if cycle {
        let has_m = match attr(&o, "defaults") { Some(Value::Dict(d)) => d.borrow().contains_key(&skey("momentum")), _ => false };
        if !has_m && !use_beta1 {
            return Err(value_err("optimizer must support momentum or beta1 with `cycle_momentum` option enabled"));
        }
    }
    for (i, g) in groups.iter().enumerate() {
        let mut g = g.borrow_mut();
        let initial = max_lrs[i] / div;
        g.insert(skey("initial_lr"), Value::Float(initial));
        g.insert(skey("max_lr"), Value::Float(max_lrs[i]));
        g.insert(skey("min_lr"), Value::Float(initial / fdiv));
        if cycle {
            if use_beta1 {
                if let Some(Value::Tuple(b)) = g.get(&skey("betas")).cloned() {
                    let mut b = b.to_vec();
                    b[0] = Value::Float(max_ms[i]);
                    g.insert(skey("betas"), Value::tuple(b));
                }
            } else {
                g.insert(skey("momentum"), Value::Float(max_ms[i]));
            }
            g.insert(skey("max_momentum"), Value::Float(max_ms[i]));
            g.insert(skey("base_momentum"), Value::Float(base_ms[i]));
        }
    }
    set_attr(&me, "total_steps", Value::Int(total));
    set_attr(&me, "_pct_start", Value::Float(pct));
    set_attr(&me, "_anneal_strategy", Value::Str(strategy));
    set_attr(&me, "_three_phase", Value::Bool(three));
    set_attr(&me, "cycle_momentum", Value::Bool(cycle));
    sched_start(it, &me, o, le)?;
    Ok(Value::None)
}; }

fn plateau_of(me: &Value, n: usize) -> R<sched::Plateau> {
    let i = |k: &str| -> R<i64> { to_int(&attr(me, k).unwrap_or(Value::Int(0)), k) };
    let min_lrs = match attr(me, "min_lrs") {
        Some(Value::List(l)) => l
            .borrow()
            .iter()
            .map(|v| to_float(v, "min_lr"))
            .collect::<R<_>>()?,
        _ => vec![0.0; n],
    };
    Ok(sched::Plateau {
        max_mode: matches!(attr(me, "mode"), Some(Value::Str(s)) if &*s == "max"),
        factor: f_attr(me, "factor")?,
        patience: i("patience")?,
        threshold: f_attr(me, "threshold")?,
        rel: matches!(attr(me, "threshold_mode"), Some(Value::Str(s)) if &*s == "rel"),
        cooldown: i("cooldown")?,
        min_lrs,
        eps: f_attr(me, "eps")?,
        best: f_attr(me, "best")?,
        num_bad_epochs: i("num_bad_epochs")?,
        cooldown_counter: i("cooldown_counter")?,
        last_epoch: i("last_epoch")?,
    })
}

table! { PLATEAU_METHODS:
    "__init__", "ReduceLROnPlateau(optimizer, mode='min', factor=0.1, patience=10, threshold=0.0001, threshold_mode='rel', cooldown=0, min_lr=0, eps=1e-08)", "Lowers the lr by factor when a metric stops improving for patience epochs." => |it, a| {
        let me = this(a)?;
        let o = a.req(1, "optimizer")?;
        let mode = a.opt(2, "mode").map(|v| to_str(&v, "mode")).transpose()?.unwrap_or_else(|| Rc::from("min"));
        let factor = opt_float(a, 3, "factor")?.unwrap_or(0.1);
        let patience = a.opt(4, "patience").map(|v| to_int(&v, "patience")).transpose()?.unwrap_or(10);
        let threshold = opt_float(a, 5, "threshold")?.unwrap_or(1e-4);
        let tm = a.opt(6, "threshold_mode").map(|v| to_str(&v, "threshold_mode")).transpose()?.unwrap_or_else(|| Rc::from("rel"));
        let cooldown = a.opt(7, "cooldown").map(|v| to_int(&v, "cooldown")).transpose()?.unwrap_or(0);
        let min_lr = a.opt(8, "min_lr").unwrap_or(Value::Int(0));
        let eps = opt_float(a, 9, "eps")?.unwrap_or(1e-8);
        a.kw("verbose");
        a.finish()?;
        if factor >= 1.0 {
            return Err(value_err("Factor should be < 1.0."));
        }
        if &*mode != "min" && &*mode != "max" {
            return Err(value_err(format!("mode {mode} is unknown!")));
        }
        if &*tm != "rel" && &*tm != "abs" {
            return Err(value_err(format!("threshold mode {tm} is unknown!")));
        }
        let n = it.groups(&o).len();
        let min_lrs = per_group(it, &min_lr, n, "min_lr")?;
        set_attr(&me, "optimizer", o.clone());
        set_attr(&me, "mode", Value::Str(mode.clone()));
        set_attr(&me, "factor", Value::Float(factor));
        set_attr(&me, "patience", Value::Int(patience));
        set_attr(&me, "threshold", Value::Float(threshold));
        set_attr(&me, "threshold_mode", Value::Str(tm));
        set_attr(&me, "cooldown", Value::Int(cooldown));
        set_attr(&me, "min_lrs", floats(&min_lrs));
        set_attr(&me, "eps", Value::Float(eps));
        set_attr(&me, "best", Value::Float(if &*mode == "min" { f64::INFINITY } else { f64::NEG_INFINITY }));
        set_attr(&me, "num_bad_epochs", Value::Int(0));
        set_attr(&me, "cooldown_counter", Value::Int(0));
        set_attr(&me, "last_epoch", Value::Int(0));
        let cur = lrs(it, &o)?;
        set_attr(&me, "_last_lr", floats(&cur));
        Ok(Value::None)
    };
    "step", "step(metrics)", "Records this epoch's metric; lowers the lr after patience epochs without improvement." => |it, a| {
        let me = this(a)?;
        let m = to_float(&a.req(1, "metrics")?, "metrics")?;
        a.opt(2, "epoch");
        a.finish()?;
        let o = optimizer_of(&me)?;
        let mut cur = lrs(it, &o)?;
        let mut p = plateau_of(&me, cur.len())?;
        p.step(m, &mut cur);
        set_lrs(it, &o, &cur);
        set_attr(&me, "best", Value::Float(p.best));
        set_attr(&me, "num_bad_epochs", Value::Int(p.num_bad_epochs));
        set_attr(&me, "cooldown_counter", Value::Int(p.cooldown_counter));
        set_attr(&me, "last_epoch", Value::Int(p.last_epoch));
        set_attr(&me, "_last_lr", floats(&cur));
        Ok(Value::None)
    };
    "get_last_lr", "get_last_lr()", "The current learning rates, one per group." => |_, a| {
        let me = this(a)?;
        Ok(attr(&me, "_last_lr").unwrap_or(Value::list(vec![])))
    };
}

// ------------------------------------------------------------------ grad clipping

fn param_list(it: &mut Interp, v: &Value) -> R<Vec<Tensor>> {
    match v {
        Value::Tensor(t) => Ok(vec![t.clone()]),
        v => it
            .collect(v)?
            .iter()
            .map(|p| tensor(p, "parameters"))
            .collect(),
    }
}

table! { CLIP:
    "clip_grad_norm_", "clip_grad_norm_(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False)", "Scales the gradients so their joint norm is at most max_norm; returns the norm before." => |it, a| {
        let ps = a.req(0, "parameters")?;
        let ps = param_list(it, &ps)?;
        let max_norm = to_float(&a.req(1, "max_norm")?, "max_norm")?;
        let nt = match a.opt(2, "norm_type") {
            Some(Value::Str(s)) if &*s == "inf" => f64::INFINITY,
            Some(v) => to_float(&v, "norm_type")?,
            None => 2.0,
        };
        let check = match a.opt(3, "error_if_nonfinite") { Some(v) => it.truthy(&v)?, None => false };
        a.kw("foreach");
        a.finish()?;
        let total = opt::clip_grad_norm_(&ps, max_norm, nt)?;
        if check && !total.item()?.to_f64().is_finite() {
            return Err(err("RuntimeError", format!("The total norm of order {nt} for gradients from `parameters` is non-finite, so it cannot be clipped. To disable this error and scale the gradients by the non-finite norm anyway, set `error_if_nonfinite=False`")));
        }
        Ok(Value::Tensor(total))
    };
    "clip_grad_value_", "clip_grad_value_(parameters, clip_value)", "Clamps every gradient element to [-clip_value, clip_value]." => |it, a| {
        let ps = a.req(0, "parameters")?;
        let ps = param_list(it, &ps)?;
        let v = to_float(&a.req(1, "clip_value")?, "clip_value")?;
        a.kw("foreach");
        a.finish()?;
        opt::clip_grad_value_(&ps, v)?;
        Ok(Value::None)
    };
}

impl Interp {
    /// `torch.optim` (with the optimizers) and `torch.optim.lr_scheduler`.
    pub(crate) fn optim_modules(&mut self) -> (Value, Value) {
        let base = class_with("Optimizer", OPTIMIZER_METHODS);
        let mut entries: Vec<(&str, Value)> = vec![("Optimizer", Value::Class(base.clone()))];
        for name in ["SGD", "Adam", "AdamW", "RMSprop", "Adagrad"] {
            entries.push((name, Value::Class(subclass(name, &[], &base))));
        }
        let sched_base = class_with("LRScheduler", SCHED_METHODS);
        let make = |name: &str, m: &'static [Builtin]| Value::Class(subclass(name, m, &sched_base));
        let sched_entries = vec![
            ("LRScheduler", Value::Class(sched_base.clone())),
            ("StepLR", make("StepLR", STEP_LR)),
            ("MultiStepLR", make("MultiStepLR", MULTI_STEP_LR)),
            ("ExponentialLR", make("ExponentialLR", EXP_LR)),
            ("CosineAnnealingLR", make("CosineAnnealingLR", COSINE_LR)),
            ("LambdaLR", make("LambdaLR", LAMBDA_LR)),
            ("OneCycleLR", make("OneCycleLR", ONE_CYCLE_LR)),
            (
                "ReduceLROnPlateau",
                Value::Class(class_with("ReduceLROnPlateau", PLATEAU_METHODS)),
            ),
        ];
        let lr_scheduler = module("torch.optim.lr_scheduler", &sched_entries);
        entries.push(("lr_scheduler", lr_scheduler.clone()));
        let _ = table_entries;
        (module("torch.optim", &entries), lr_scheduler)
    }
}
