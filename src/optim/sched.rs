//! `torch.optim.lr_scheduler`: each schedule's next learning rates from the current ones,
//! in PyTorch's own (recursive) formulas, so the printed rates agree to the last digit.

use crate::{Error, Result};

/// Which schedule, with its settings.
#[derive(Debug, Clone)]
pub enum Kind {
    Step {
        step_size: i64,
        gamma: f64,
    },
    MultiStep {
        milestones: Vec<i64>,
        gamma: f64,
    },
    Exponential {
        gamma: f64,
    },
    CosineAnnealing {
        t_max: f64,
        eta_min: f64,
    },
    /// Per group: `initial_lr`, `max_lr`, `min_lr`; and momenta `max`, `base`.
    OneCycle(OneCycle),
}

#[derive(Debug, Clone)]
pub struct OneCycle {
    pub total_steps: i64,
    pub pct_start: f64,
    pub cos: bool,
    pub three_phase: bool,
    pub initial_lr: Vec<f64>,
    pub max_lr: Vec<f64>,
    pub min_lr: Vec<f64>,
    /// `(base_momentum, max_momentum)` per group when momentum cycles.
    pub momentum: Option<Vec<(f64, f64)>>,
}

impl OneCycle {
    fn anneal(&self, start: f64, end: f64, pct: f64) -> f64 {
        if self.cos {
            let c = (std::f64::consts::PI * pct).cos() + 1.0;
            end + (start - end) / 2.0 * c
        } else {
            (end - start) * pct + start
        }
    }

    /// Phases as `(end_step, lr from, lr to, momentum from, momentum to)`; 0 = initial,
    /// 1 = max, 2 = min (lr); 0 = base, 1 = max (momentum).
    fn phases(&self) -> Vec<(f64, usize, usize, usize, usize)> {
        let t = self.total_steps as f64;
        if self.three_phase {
            vec![
                (self.pct_start * t - 1.0, 0, 1, 1, 0),
                (2.0 * self.pct_start * t - 2.0, 1, 0, 0, 1),
                (t - 1.0, 0, 2, 1, 1),
            ]
        } else {
            vec![
                (self.pct_start * t - 1.0, 0, 1, 1, 0),
                (t - 1.0, 1, 2, 0, 1),
            ]
        }
    }

    /// The learning rate (and momentum) of group `g` at `step`.
    pub fn at(&self, g: usize, step: i64) -> Result<(f64, Option<f64>)> {
        if step > self.total_steps {
            return Err(Error::value(
                "OneCycleLR",
                format!(
                    "Tried to step {step} times. The specified number of total steps is {}",
                    self.total_steps
                ),
            ));
        }
        let lrs = [self.initial_lr[g], self.max_lr[g], self.min_lr[g]];
        let phases = self.phases();
        let mut start = 0.0;
        for (i, &(end, l0, l1, m0, m1)) in phases.iter().enumerate() {
            if step as f64 <= end || i == phases.len() - 1 {
                let pct = (step as f64 - start) / (end - start);
                let lr = self.anneal(lrs[l0], lrs[l1], pct);
                let m = self.momentum.as_ref().map(|ms| {
                    let pair = [ms[g].0, ms[g].1];
                    self.anneal(pair[m0], pair[m1], pct)
                });
                return Ok((lr, m));
            }
            start = end;
        }
        Ok((lrs[2], None))
    }
}

/// A schedule's state: PyTorch's `last_epoch` and `base_lrs`.
#[derive(Debug, Clone)]
pub struct Scheduler {
    pub kind: Kind,
    pub last_epoch: i64,
    pub base_lrs: Vec<f64>,
}

impl Scheduler {
    pub fn new(kind: Kind, base_lrs: Vec<f64>) -> Scheduler {
        Scheduler {
            kind,
            last_epoch: -1,
            base_lrs,
        }
    }

    /// `scheduler.step()`: advances `last_epoch` and rewrites the groups' `lrs` (and, for
    /// OneCycleLR, their momenta).
    pub fn step(&mut self, lrs: &mut [f64], momenta: &mut [Option<f64>]) -> Result<()> {
        self.last_epoch += 1;
        let e = self.last_epoch;
        for (g, lr) in lrs.iter_mut().enumerate() {
            *lr = match &self.kind {
                Kind::Step { step_size, gamma } => {
                    if e == 0 || e % step_size != 0 {
                        *lr
                    } else {
                        *lr * gamma
                    }
                }
                Kind::MultiStep { milestones, gamma } => {
                    let n = milestones.iter().filter(|&&m| m == e).count();
                    if n == 0 {
                        *lr
                    } else {
                        *lr * gamma.powi(n as i32)
                    }
                }
                Kind::Exponential { gamma } => {
                    if e == 0 {
                        *lr
                    } else {
                        *lr * gamma
                    }
                }
                Kind::CosineAnnealing { t_max, eta_min } => {
                    let base = self.base_lrs[g];
                    let pi = std::f64::consts::PI;
                    let e = e as f64;
                    if e == 0.0 {
                        *lr
                    } else if ((e - 1.0 - t_max) % (2.0 * t_max)) == 0.0 {
                        *lr + (base - eta_min) * (1.0 - (pi / t_max).cos()) / 2.0
                    } else {
                        (1.0 + (pi * e / t_max).cos()) / (1.0 + (pi * (e - 1.0) / t_max).cos())
                            * (*lr - eta_min)
                            + eta_min
                    }
                }
                Kind::OneCycle(oc) => {
                    let (lr, m) = oc.at(g, e)?;
                    if let Some(slot) = momenta.get_mut(g) {
                        *slot = m;
                    }
                    lr
                }
            };
        }
        Ok(())
    }
}

/// `ReduceLROnPlateau`'s state.
#[derive(Debug, Clone)]
pub struct Plateau {
    pub max_mode: bool,
    pub factor: f64,
    pub patience: i64,
    pub threshold: f64,
    pub rel: bool,
    pub cooldown: i64,
    pub min_lrs: Vec<f64>,
    pub eps: f64,
    pub best: f64,
    pub num_bad_epochs: i64,
    pub cooldown_counter: i64,
    pub last_epoch: i64,
}

impl Plateau {
    fn is_better(&self, a: f64) -> bool {
        match (self.max_mode, self.rel) {
            (false, true) => a < self.best * (1.0 - self.threshold),
            (false, false) => a < self.best - self.threshold,
            (true, true) => a > self.best * (self.threshold + 1.0),
            (true, false) => a > self.best + self.threshold,
        }
    }

    /// `scheduler.step(metric)`: lowers `lrs` by `factor` after `patience` epochs without
    /// improvement.
    pub fn step(&mut self, metric: f64, lrs: &mut [f64]) {
        self.last_epoch += 1;
        if self.is_better(metric) {
            self.best = metric;
            self.num_bad_epochs = 0;
        } else {
            self.num_bad_epochs += 1;
        }
        if self.cooldown_counter > 0 {
            self.cooldown_counter -= 1;
            self.num_bad_epochs = 0;
        }
        if self.num_bad_epochs > self.patience {
            for (i, lr) in lrs.iter_mut().enumerate() {
                let new = (*lr * self.factor).max(self.min_lrs.get(i).copied().unwrap_or(0.0));
                if *lr - new > self.eps {
                    *lr = new;
                }
            }
            self.cooldown_counter = self.cooldown;
            self.num_bad_epochs = 0;
        }
    }
}
