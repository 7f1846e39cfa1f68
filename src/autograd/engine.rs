//! The backward walk: from the outputs' nodes to the leaves, each node once, after every
//! node that feeds it a gradient (later-recorded nodes first among those ready), summing
//! what reaches each place.

use super::rules;
use crate::tensor::graph::{Edge, GradMode, Node, TensorMeta};
use crate::types::{AutogradError, DType, Error, Result};
use crate::Tensor;
use std::collections::{BinaryHeap, HashMap};
use std::sync::Arc;

/// Runs the tensor hook with this id on a gradient; `Some` replaces the gradient.
pub type Hooks<'a> = &'a mut dyn FnMut(u64, &Tensor) -> Result<Option<Tensor>>;

/// Sums `g` down to `shape` (undoing broadcasting): leading dims go, size-1 dims of
/// `shape` are summed with keepdim.
pub fn sum_to(g: &Tensor, shape: &[usize]) -> Result<Tensor> {
    if g.shape() == shape {
        return Ok(g.clone());
    }
    let lead = g.dim().saturating_sub(shape.len());
    let mut dims: Vec<i64> = (0..lead as i64).collect();
    for (i, &s) in shape.iter().enumerate() {
        if s == 1 && g.shape()[lead + i] != 1 {
            dims.push((lead + i) as i64);
        }
    }
    let r = if dims.is_empty() {
        g.clone()
    } else {
        g.sum(Some(&dims), true, None)?
    };
    let target: Vec<i64> = shape.iter().map(|&s| s as i64).collect();
    r.reshape(&target)
}

/// `torch.autograd.backward(tensors, grad_tensors)`: accumulates into the leaves' `.grad`.
pub fn backward(
    tensors: &[Tensor],
    grads: &[Option<Tensor>],
    retain_graph: bool,
    create_graph: bool,
    hooks: Hooks,
) -> Result<()> {
    run(tensors, grads, None, retain_graph, create_graph, hooks).map(|_| ())
}

/// `torch.autograd.grad(outputs, inputs, grad_outputs)`: the gradients of the outputs with
/// respect to each input (`None` where an input is unused, with `allow_unused`).
pub fn grad(
    outputs: &[Tensor],
    inputs: &[Tensor],
    grad_outputs: &[Option<Tensor>],
    retain_graph: bool,
    create_graph: bool,
    allow_unused: bool,
    hooks: Hooks,
) -> Result<Vec<Option<Tensor>>> {
    for t in inputs {
        if !t.requires_grad() {
            return Err(Error::autograd(
                AutogradError::Other,
                "One of the differentiated Tensors does not require grad",
            ));
        }
    }
    let got = run(
        outputs,
        grad_outputs,
        Some(inputs),
        retain_graph,
        create_graph,
        hooks,
    )?;
    if let Some(i) = got
        .iter()
        .position(|g| g.is_none())
        .filter(|_| !allow_unused)
    {
        return Err(Error::autograd(AutogradError::Other, format!("The differentiated Tensor at index {i} appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.")));
    }
    Ok(got)
}

/// A node waiting for its gradients.
struct Pending {
    node: Arc<Node>,
    deps: usize,
    grads: Vec<Option<Tensor>>,
    /// Whether running it can reach what is asked for.
    needed: bool,
}

fn key(node: &Arc<Node>) -> usize {
    Arc::as_ptr(node) as usize
}

fn add_into(slot: &mut Option<Tensor>, g: Tensor) -> Result<()> {
    *slot = Some(match slot.take() {
        None => g,
        Some(prev) => prev.add(&g)?,
    });
    Ok(())
}

/// A gradient made to fit the place it flows into: broadcasting summed away, dtype back.
fn fit(g: Tensor, meta: &TensorMeta) -> Result<Tensor> {
    let g = if g.shape() != meta.shape.as_slice() {
        sum_to(&g, &meta.shape).map_err(|_| {
            Error::autograd(
                AutogradError::Other,
                format!(
                    "Function returned an invalid gradient - got [{}] but expected shape compatible with [{}]",
                    crate::types::join(g.shape()),
                    crate::types::join(&meta.shape)
                ),
            )
        })?
    } else {
        g
    };
    if g.dtype() != meta.dtype {
        g.to_dtype(meta.dtype)
    } else {
        Ok(g)
    }
}

fn run(
    outputs: &[Tensor],
    grad_outputs: &[Option<Tensor>],
    inputs: Option<&[Tensor]>,
    retain_graph: bool,
    create_graph: bool,
    hooks: Hooks,
) -> Result<Vec<Option<Tensor>>> {
    let _mode = GradMode::set(create_graph);
    if grad_outputs.len() != outputs.len() && !grad_outputs.is_empty() {
        return Err(Error::autograd(
            AutogradError::Other,
            format!(
                "got {} tensors and {} gradients: pass one gradient (or None) per output tensor",
                outputs.len(),
                grad_outputs.len()
            ),
        ));
    }
    // Seeds: the gradient of each output.
    let mut seeds = Vec::with_capacity(outputs.len());
    for (i, t) in outputs.iter().enumerate() {
        if !t.requires_grad() {
            return Err(Error::autograd(
                AutogradError::NoGradFn,
                format!("element {i} of tensors does not require grad and does not have a grad_fn"),
            ));
        }
        let g = match grad_outputs.get(i).cloned().flatten() {
            Some(g) => {
                if g.shape() != t.shape() {
                    return Err(Error::autograd(AutogradError::Other, format!(
                        "Mismatch in shape: grad_output[{i}] has a shape of {} and output[{i}] has a shape of {}.",
                        g.size(), t.size()
                    )));
                }
                if g.dtype() != t.dtype() {
                    g.to_dtype(t.dtype())?
                } else {
                    g
                }
            }
            None => {
                if t.numel() != 1 {
                    return Err(Error::autograd(
                        AutogradError::NotScalar,
                        "grad can be implicitly created only for scalar outputs",
                    ));
                }
                Tensor::ones(t.shape(), t.dtype())?
            }
        };
        seeds.push((t.clone(), g));
    }

    // What is asked for: leaves by identity, non-leaves by (node, output).
    let wanted_leaf = |t: &Tensor| inputs.map(|ins| ins.iter().position(|i| i.same(t)));
    let mut captured: Vec<Option<Tensor>> = vec![None; inputs.map_or(0, |i| i.len())];
    let mut wanted_out: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    if let Some(ins) = inputs {
        for (i, t) in ins.iter().enumerate() {
            if let Some(node) = t.grad_fn() {
                wanted_out
                    .entry((key(&node), t.output_nr()))
                    .or_default()
                    .push(i);
            }
        }
    }

    // Discover the graph and count, for each node, the edges that feed it.
    let mut pending: HashMap<usize, Pending> = HashMap::new();
    let mut order: Vec<usize> = Vec::new();
    let mut stack: Vec<Arc<Node>> = Vec::new();
    let mut leaf_grads: Vec<(Tensor, Option<Tensor>)> = Vec::new();
    let visit = |node: &Arc<Node>,
                 pending: &mut HashMap<usize, Pending>,
                 stack: &mut Vec<Arc<Node>>,
                 order: &mut Vec<usize>| {
        let k = key(node);
        if let Some(p) = pending.get_mut(&k) {
            p.deps += 1;
        } else {
            pending.insert(
                k,
                Pending {
                    node: node.clone(),
                    deps: 1,
                    grads: vec![None; node.outputs.len()],
                    needed: inputs.is_none(),
                },
            );
            stack.push(node.clone());
            order.push(k);
        }
    };
    for (t, _) in &seeds {
        if let Some(node) = t.grad_fn() {
            visit(&node, &mut pending, &mut stack, &mut order);
            // Seeds are not edges.
            if let Some(p) = pending.get_mut(&key(&node)) {
                p.deps -= 1;
            }
        }
    }
    while let Some(node) = stack.pop() {
        for e in node.next.iter().flatten() {
            if let Edge::Node { node: n, .. } = e {
                visit(n, &mut pending, &mut stack, &mut order);
            }
        }
    }
    // With inputs given, run only the nodes from which an input can be reached.
    if inputs.is_some() {
        loop {
            let mut changed = false;
            for k in &order {
                let p = &pending[k];
                if p.needed {
                    continue;
                }
                let reaches = (0..p.node.outputs.len())
                    .any(|nr| wanted_out.contains_key(&(*k, nr)))
                    || p.node.next.iter().flatten().any(|e| match e {
                        Edge::Node { node, .. } => pending[&key(node)].needed,
                        Edge::Leaf(t) => wanted_leaf(t).flatten().is_some(),
                    });
                if reaches {
                    if let Some(p) = pending.get_mut(k) {
                        p.needed = true;
                    }
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
    }

    let leaf_add =
        |t: &Tensor, g: Tensor, leaf_grads: &mut Vec<(Tensor, Option<Tensor>)>| match leaf_grads
            .iter_mut()
            .find(|(l, _)| l.same(t))
        {
            Some((_, slot)) => add_into(slot, g),
            None => {
                leaf_grads.push((t.clone(), Some(g)));
                Ok(())
            }
        };
    for (t, g) in seeds {
        match t.grad_fn() {
            Some(node) => {
                let p = pending.get_mut(&key(&node)).ok_or_else(|| {
                    Error::invalid("backward", "the graph changed during backward")
                })?;
                add_into(&mut p.grads[t.output_nr()], g)?;
            }
            None => leaf_add(&t, g, &mut leaf_grads)?,
        }
    }

    // The walk: ready nodes, latest recorded first.
    let mut ready: BinaryHeap<(u64, usize)> = pending
        .iter()
        .filter(|(_, p)| p.deps == 0)
        .map(|(k, p)| (p.node.seq, *k))
        .collect();
    while let Some((_, k)) = ready.pop() {
        let Some(mut p) = pending.remove(&k) else {
            continue;
        };
        let node = p.node.clone();
        // Hooks and retained grads of each output, then what autograd.grad asked for.
        for nr in 0..p.grads.len() {
            let Some(mut g) = p.grads[nr].take() else {
                continue;
            };
            for id in node.hooks(nr) {
                if let Some(new) = hooks(id, &g)? {
                    g = new;
                }
            }
            for t in node.retained(nr) {
                keep_grad(&t, &g, create_graph)?;
            }
            if let Some(idx) = wanted_out.get(&(k, nr)) {
                for &i in idx {
                    captured[i] = Some(g.clone());
                }
            }
            p.grads[nr] = Some(g);
        }
        let runs = p.needed && p.grads.iter().any(|g| g.is_some());
        let input_grads = if runs {
            let needs: Vec<bool> = node.next.iter().map(|e| e.is_some()).collect();
            let grads = rules::apply(&node, &p.grads, &needs)?;
            if !retain_graph {
                node.release();
            }
            grads
        } else {
            vec![None; node.next.len()]
        };
        for (i, e) in node.next.iter().enumerate() {
            let Some(e) = e else { continue };
            let g = match (input_grads.get(i).cloned().flatten(), &node.inputs[i]) {
                (Some(g), Some(meta)) => Some(fit(g, meta)?),
                _ => None,
            };
            match e {
                Edge::Node { node: n, output_nr } => {
                    let nk = key(n);
                    if let Some(q) = pending.get_mut(&nk) {
                        if let Some(g) = g {
                            add_into(&mut q.grads[*output_nr], g)?;
                        }
                        q.deps -= 1;
                        if q.deps == 0 {
                            ready.push((q.node.seq, nk));
                        }
                    }
                }
                Edge::Leaf(t) => {
                    if let Some(g) = g {
                        leaf_add(t, g, &mut leaf_grads)?;
                    }
                }
            }
        }
    }

    // Leaves: their hooks, then `.grad` (or what autograd.grad asked for).
    for (t, g) in leaf_grads {
        let Some(mut g) = g else { continue };
        for id in t.leaf_hooks() {
            if let Some(new) = hooks(id, &g)? {
                g = new;
            }
        }
        match wanted_leaf(&t) {
            Some(Some(i)) => captured[i] = Some(g),
            Some(None) => {}
            None => keep_grad(&t, &g, create_graph)?,
        }
    }
    Ok(captured)
}

/// Adds `g` into `t.grad` (a fresh, contiguous tensor the first time).
fn keep_grad(t: &Tensor, g: &Tensor, create_graph: bool) -> Result<()> {
    match t.grad() {
        None => {
            let fresh = if create_graph {
                g.clone()
            } else if g.is_contiguous() && g.is_exclusive() {
                g.detach()
            } else {
                g.detach().clone_contiguous()?
            };
            t.set_grad(Some(fresh))
        }
        Some(old) => {
            if create_graph || old.requires_grad() {
                t.set_grad(Some(old.add(g)?))
            } else if old.dtype() == DType::Bool {
                Ok(())
            } else {
                old.add_(g).map(|_| ())
            }
        }
    }
}
