//! Autograd under PyTorch's names: `x.backward()`, `requires_grad_`, `retain_grad`,
//! `register_hook`, `torch.autograd.grad`, grad-mode contexts and decorators.

use super::{input, tensor};
use crate::autograd;
use crate::eval::lang::builtins::{table, Args};
use crate::eval::lang::exc::{err, type_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::*;
use crate::Tensor;
use std::cell::RefCell;
use std::rc::Rc;

/// A list of tensors (or one tensor), as `backward`/`grad` take them.
fn tensors(v: &Value, what: &str) -> R<Vec<Tensor>> {
    match v {
        Value::Tensor(t) => Ok(vec![t.clone()]),
        Value::Tuple(items) => items.iter().map(|v| tensor(v, what)).collect(),
        Value::List(items) => items.borrow().iter().map(|v| tensor(v, what)).collect(),
        _ => Err(type_err(format!(
            "{what} must be a Tensor or a sequence of Tensors, not {}",
            v.type_name()
        ))),
    }
}

/// Gradients given for outputs: a tensor, None, or a sequence of them.
fn opt_tensors(v: Option<Value>, n: usize, what: &str) -> R<Vec<Option<Tensor>>> {
    match v {
        None | Some(Value::None) => Ok(vec![None; n]),
        Some(Value::Tensor(t)) => Ok(vec![Some(t)]),
        Some(Value::Tuple(items)) => items.iter().map(|v| opt_tensor(v, what)).collect(),
        Some(Value::List(items)) => items.borrow().iter().map(|v| opt_tensor(v, what)).collect(),
        Some(v) => Err(type_err(format!(
            "{what} must be a Tensor or a sequence of Tensors, not {}",
            v.type_name()
        ))),
    }
}

fn opt_tensor(v: &Value, what: &str) -> R<Option<Tensor>> {
    match v {
        Value::None => Ok(None),
        v => tensor(v, what).map(Some),
    }
}

fn flag(it: &mut Interp, a: &mut Args, i: usize, name: &str, default: bool) -> R<bool> {
    match a.opt(i, name) {
        Some(Value::None) | None => Ok(default),
        Some(v) => it.truthy(&v),
    }
}

impl Interp {
    /// Runs backward with this session's tensor hooks (language functions, by id).
    fn run_backward<T>(&mut self, f: impl FnOnce(autograd::Hooks) -> crate::Result<T>) -> R<T> {
        let hooks = self.hooks.clone();
        let mut failure = None;
        let mut call = |id: u64, g: &Tensor| -> crate::Result<Option<Tensor>> {
            let Some(h) = hooks.borrow().get(&id).cloned() else {
                return Ok(None);
            };
            match self.call(&h, vec![Value::Tensor(g.clone())], vec![]) {
                Ok(Value::Tensor(t)) => Ok(Some(t)),
                Ok(Value::None) => Ok(None),
                Ok(other) => {
                    failure = Some(type_err(format!(
                        "hook returned an object of type {} where a Tensor or None was expected",
                        other.type_name()
                    )));
                    Err(crate::Error::invalid("hook", "hook failed"))
                }
                Err(e) => {
                    failure = Some(e);
                    Err(crate::Error::invalid("hook", "hook failed"))
                }
            }
        };
        let r = f(&mut call);
        match (r, failure) {
            (_, Some(e)) => Err(e),
            (r, None) => Ok(r?),
        }
    }
}

/// A removable handle for a registered hook (`h.remove()`).
fn hook_handle(t: &Tensor, id: u64) -> Value {
    let class = class_with("RemovableHandle", HANDLE_METHODS);
    let mut attrs = indexmap::IndexMap::new();
    attrs.insert(Rc::from("id"), Value::Int(id as i64));
    attrs.insert(Rc::from("tensor"), Value::Tensor(t.clone()));
    Value::Instance(Rc::new(Instance {
        class,
        attrs: RefCell::new(attrs),
    }))
}

table! { HANDLE_METHODS:
    "remove", "remove()", "Removes the hook." => |it, a| {
        let me = a.req(0, "self")?;
        if let Value::Instance(i) = &me {
            let attrs = i.attrs.borrow();
            if let (Some(Value::Int(id)), Some(Value::Tensor(t))) = (attrs.get("id"), attrs.get("tensor")) {
                t.remove_hook(*id as u64);
                it.hooks.borrow_mut().remove(&(*id as u64));
            }
        }
        Ok(Value::None)
    };
}

table! { AUTOGRAD_METHODS:
    "backward", "Tensor.backward(gradient=None, retain_graph=None, create_graph=False)", "Computes the gradient of this tensor with respect to the leaves of its graph, adding it to their .grad." => |it, a| {
        let t = input(a)?;
        let g = a.opt(1, "gradient");
        let g = opt_tensors(g, 1, "gradient")?;
        let create = flag(it, a, 3, "create_graph", false)?;
        let retain = flag(it, a, 2, "retain_graph", create)?;
        a.kw("inputs");
        it.run_backward(|h| autograd::backward(&[t], &g, retain, create, h))?;
        Ok(Value::None)
    };
    "requires_grad_", "Tensor.requires_grad_(requires_grad=True)", "Asks autograd to record operations on this tensor (in place)." => |it, a| {
        let t = input(a)?;
        let on = flag(it, a, 1, "requires_grad", true)?;
        if on && !t.dtype().is_float() {
            return Err(err("RuntimeError", "only Tensors of floating point dtype can require gradients"));
        }
        t.set_requires_grad(on)?;
        Ok(Value::Tensor(t))
    };
    "detach", "Tensor.detach()", "The same data, outside any autograd graph." => |_, a| Ok(Value::Tensor(input(a)?.detach()));
    "detach_", "Tensor.detach_()", "Cuts this tensor from its graph, in place." => |_, a| {
        let t = input(a)?;
        t.detach_()?;
        Ok(Value::Tensor(t))
    };
    "retain_grad", "Tensor.retain_grad()", "Keeps this non-leaf tensor's .grad after backward." => |_, a| {
        input(a)?.retain_grad()?;
        Ok(Value::None)
    };
    "register_hook", "Tensor.register_hook(hook)", "Calls hook(grad) when this tensor's gradient is computed; a returned tensor replaces the gradient." => |it, a| {
        let t = input(a)?;
        let f = a.req(1, "hook")?;
        let id = it.next_hook;
        it.next_hook += 1;
        t.add_hook(id)?;
        it.hooks.borrow_mut().insert(id, f);
        Ok(hook_handle(&t, id))
    };
}

table! { AUTOGRAD_FUNCTIONS:
    "grad", "grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False, allow_unused=False)", "The gradients of outputs with respect to inputs, as a tuple (nothing accumulates into .grad)." => |it, a| {
        let outs = tensors(&a.req(0, "outputs")?, "outputs")?;
        let ins = tensors(&a.req(1, "inputs")?, "inputs")?;
        let go = opt_tensors(a.opt(2, "grad_outputs"), outs.len(), "grad_outputs")?;
        let create = flag(it, a, 4, "create_graph", false)?;
        let retain = flag(it, a, 3, "retain_graph", create)?;
        let unused = flag(it, a, 6, "allow_unused", false)?;
        a.kw("only_inputs");
        a.kw("materialize_grads");
        let got = it.run_backward(|h| autograd::grad(&outs, &ins, &go, retain, create, unused, h))?;
        Ok(Value::tuple(got.into_iter().map(|g| g.map_or(Value::None, Value::Tensor)).collect()))
    };
    "backward", "backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False)", "Accumulates the gradients of tensors into the leaves' .grad." => |it, a| {
        let outs = tensors(&a.req(0, "tensors")?, "tensors")?;
        let go = opt_tensors(a.opt(1, "grad_tensors"), outs.len(), "grad_tensors")?;
        let create = flag(it, a, 3, "create_graph", false)?;
        let retain = flag(it, a, 2, "retain_graph", create)?;
        it.run_backward(|h| autograd::backward(&outs, &go, retain, create, h))?;
        Ok(Value::None)
    };
}

table! { NODE_METHODS:
    "name", "name()", "The node's name, e.g. MulBackward0." => |_, a| {
        let me = a.req(0, "self")?;
        Ok(match &me {
            Value::Instance(i) => i.attrs.borrow().get("_name").cloned().unwrap_or(Value::None),
            _ => Value::None,
        })
    };
    "__repr__", "__repr__()", "<MulBackward0 object at 0x…>." => |_, a| {
        let me = a.req(0, "self")?;
        let Value::Instance(i) = &me else { return Ok(Value::str("")) };
        let attrs = i.attrs.borrow();
        let name = match attrs.get("_class") { Some(Value::Str(s)) => s.to_string(), _ => String::new() };
        let addr = match attrs.get("_addr") { Some(Value::Int(a)) => *a, _ => 0 };
        Ok(Value::str(&format!("<{name} object at {addr:#x}>")))
    };
}

impl Interp {
    /// `y.grad_fn`: an object with `name()` and PyTorch's repr.
    pub(crate) fn grad_fn_value(&mut self, node: &std::sync::Arc<autograd::Node>) -> Value {
        let class = class_with(node.class_name(), NODE_METHODS);
        let mut attrs = indexmap::IndexMap::new();
        attrs.insert(Rc::from("_name"), Value::str(node.name()));
        attrs.insert(Rc::from("_class"), Value::str(node.class_name()));
        attrs.insert(
            Rc::from("_addr"),
            Value::Int(std::sync::Arc::as_ptr(node) as usize as i64),
        );
        Value::Instance(Rc::new(Instance {
            class,
            attrs: RefCell::new(attrs),
        }))
    }
}
