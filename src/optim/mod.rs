//! `torch.optim` as plain Rust: one update of one parameter for each optimizer, with the
//! state it keeps, in the order of operations of PyTorch's single-tensor implementations
//! (what PyTorch runs for CPU tensors), and the learning-rate schedules ([`sched`]). The
//! language's optimizers (src/eval/optim.rs) keep param groups as PyTorch's dicts and call
//! these.

pub mod sched;

use crate::tensor::graph;
use crate::{Result, Tensor};

/// `optim.SGD`'s hyperparameters.
#[derive(Debug, Clone, Copy)]
pub struct Sgd {
    pub lr: f64,
    pub momentum: f64,
    pub dampening: f64,
    pub weight_decay: f64,
    pub nesterov: bool,
    pub maximize: bool,
}

/// `optim.Adam`'s and `optim.AdamW`'s hyperparameters; `decoupled` is AdamW's decay.
#[derive(Debug, Clone, Copy)]
pub struct Adam {
    pub lr: f64,
    pub betas: (f64, f64),
    pub eps: f64,
    pub weight_decay: f64,
    pub amsgrad: bool,
    pub maximize: bool,
    pub decoupled: bool,
}

/// `optim.RMSprop`'s hyperparameters.
#[derive(Debug, Clone, Copy)]
pub struct RmsProp {
    pub lr: f64,
    pub alpha: f64,
    pub eps: f64,
    pub weight_decay: f64,
    pub momentum: f64,
    pub centered: bool,
    pub maximize: bool,
}

/// `optim.Adagrad`'s hyperparameters.
#[derive(Debug, Clone, Copy)]
pub struct Adagrad {
    pub lr: f64,
    pub lr_decay: f64,
    pub weight_decay: f64,
    pub eps: f64,
    pub maximize: bool,
}

/// What an optimizer keeps for one parameter between steps, under PyTorch's state names.
#[derive(Debug, Clone, Default)]
pub struct State {
    pub step: u64,
    /// name → tensor: `momentum_buffer`, `exp_avg`, `exp_avg_sq`, `max_exp_avg_sq`,
    /// `square_avg`, `grad_avg`, `sum`.
    pub tensors: Vec<(&'static str, Tensor)>,
}

impl State {
    pub fn get(&self, name: &str) -> Option<&Tensor> {
        self.tensors
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| t)
    }

    fn get_or(
        &mut self,
        name: &'static str,
        init: impl FnOnce() -> Result<Tensor>,
    ) -> Result<Tensor> {
        if let Some(t) = self.get(name) {
            return Ok(t.clone());
        }
        let t = init()?;
        self.tensors.push((name, t.clone()));
        Ok(t)
    }

    pub fn set(&mut self, name: &'static str, t: Tensor) {
        match self.tensors.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = t,
            None => self.tensors.push((name, t)),
        }
    }
}

fn grad_of(p: &Tensor, maximize: bool, weight_decay: f64) -> Result<Option<Tensor>> {
    let Some(g) = p.grad() else { return Ok(None) };
    let mut g = if maximize { g.neg()? } else { g };
    if weight_decay != 0.0 {
        g = g.add(&p.mul(weight_decay)?)?;
    }
    Ok(Some(g))
}

/// One SGD step of `p` (skipped when `p.grad` is None).
pub fn sgd_step(p: &Tensor, state: &mut State, h: &Sgd) -> Result<()> {
    graph::no_grad(|| {
        let Some(mut g) = grad_of(p, h.maximize, h.weight_decay)? else {
            return Ok(());
        };
        if h.momentum != 0.0 {
            let buf = match state.get("momentum_buffer") {
                None => {
                    let b = g.clone_data()?;
                    state.set("momentum_buffer", b.clone());
                    b
                }
                Some(b) => {
                    b.mul_(h.momentum)?;
                    b.add_(&g.mul(1.0 - h.dampening)?)?;
                    b.clone()
                }
            };
            g = if h.nesterov {
                g.add(&buf.mul(h.momentum)?)?
            } else {
                buf
            };
        }
        p.sub_(&g.mul(h.lr)?)?;
        state.step += 1;
        Ok(())
    })
}

/// One Adam (or AdamW, with `decoupled`) step of `p`.
pub fn adam_step(p: &Tensor, state: &mut State, h: &Adam) -> Result<()> {
    graph::no_grad(|| {
        let wd = if h.decoupled { 0.0 } else { h.weight_decay };
        let Some(g) = grad_of(p, h.maximize, wd)? else {
            return Ok(());
        };
        if h.decoupled && h.weight_decay != 0.0 {
            p.mul_(1.0 - h.lr * h.weight_decay)?;
        }
        let m = state.get_or("exp_avg", || p.zeros_like())?;
        let v = state.get_or("exp_avg_sq", || p.zeros_like())?;
        state.step += 1;
        let (b1, b2) = h.betas;
        m.copy_(&m.lerp(&g, 1.0 - b1)?)?;
        v.mul_(b2)?;
        v.add_(&g.mul(&g)?.mul(1.0 - b2)?)?;
        let step = state.step as f64;
        let bc1 = 1.0 - b1.powf(step);
        let bc2 = 1.0 - b2.powf(step);
        let step_size = h.lr / bc1;
        let bc2_sqrt = bc2.sqrt();
        let second = if h.amsgrad {
            let mx = state.get_or("max_exp_avg_sq", || p.zeros_like())?;
            mx.copy_(&mx.maximum(&v)?)?;
            mx
        } else {
            v
        };
        let denom = second.sqrt()?.div(bc2_sqrt)?.add(h.eps)?;
        p.add_(&m.div(&denom)?.mul(-step_size)?)?;
        Ok(())
    })
}

/// One RMSprop step of `p`.
pub fn rmsprop_step(p: &Tensor, state: &mut State, h: &RmsProp) -> Result<()> {
    graph::no_grad(|| {
        let Some(g) = grad_of(p, h.maximize, h.weight_decay)? else {
            return Ok(());
        };
        state.step += 1;
        let sq = state.get_or("square_avg", || p.zeros_like())?;
        sq.mul_(h.alpha)?;
        sq.add_(&g.mul(&g)?.mul(1.0 - h.alpha)?)?;
        let avg = if h.centered {
            let ga = state.get_or("grad_avg", || p.zeros_like())?;
            ga.copy_(&ga.lerp(&g, 1.0 - h.alpha)?)?;
            sq.sub(&ga.mul(&ga)?)?.sqrt()?
        } else {
            sq.sqrt()?
        };
        let avg = avg.add(h.eps)?;
        if h.momentum > 0.0 {
            let buf = state.get_or("momentum_buffer", || p.zeros_like())?;
            buf.mul_(h.momentum)?;
            buf.add_(&g.div(&avg)?)?;
            p.sub_(&buf.mul(h.lr)?)?;
        } else {
            p.sub_(&g.div(&avg)?.mul(h.lr)?)?;
        }
        Ok(())
    })
}

/// One Adagrad step of `p`; `initial` is `initial_accumulator_value`.
pub fn adagrad_step(p: &Tensor, state: &mut State, h: &Adagrad, initial: f64) -> Result<()> {
    graph::no_grad(|| {
        let Some(g) = grad_of(p, h.maximize, h.weight_decay)? else {
            return Ok(());
        };
        let sum = state.get_or("sum", || p.full_like(initial.into()))?;
        state.step += 1;
        let clr = h.lr / (1.0 + (state.step as f64 - 1.0) * h.lr_decay);
        sum.add_(&g.mul(&g)?)?;
        let std = sum.sqrt()?.add(h.eps)?;
        p.sub_(&g.div(&std)?.mul(clr)?)?;
        Ok(())
    })
}

/// `torch.nn.utils.clip_grad_norm_(params, max_norm, norm_type)`: scales every gradient
/// by `max_norm / (total_norm + 1e-6)` when that is below 1; returns the total norm.
pub fn clip_grad_norm_(params: &[Tensor], max_norm: f64, norm_type: f64) -> Result<Tensor> {
    graph::no_grad(|| {
        let grads: Vec<Tensor> = params.iter().filter_map(|p| p.grad()).collect();
        if grads.is_empty() {
            return Tensor::scalar(0.0f64)?.to_dtype(crate::DType::F32);
        }
        let norms: Vec<Tensor> = grads
            .iter()
            .map(|g| g.norm(norm_type, None, false))
            .collect::<Result<_>>()?;
        let total = if norm_type.is_infinite() {
            Tensor::stack(&norms, 0)?.amax(None, false)?
        } else {
            Tensor::stack(&norms, 0)?.norm(norm_type, None, false)?
        };
        let coef = Tensor::full(&[], max_norm.into(), Some(total.dtype()))?
            .div(&total.add(1e-6)?)?
            .clamp(None, Some(1.0.into()))?;
        for g in &grads {
            g.mul_(&coef)?;
        }
        Ok(total)
    })
}

/// `torch.nn.utils.clip_grad_value_(params, clip_value)`.
pub fn clip_grad_value_(params: &[Tensor], clip_value: f64) -> Result<()> {
    graph::no_grad(|| {
        for g in params.iter().filter_map(|p| p.grad()) {
            g.clamp_(Some((-clip_value).into()), Some(clip_value.into()))?;
        }
        Ok(())
    })
}
