//! Recurrent layers (`nn.RNN`, `nn.LSTM`, `nn.GRU`) as functions of their weights: stacked
//! layers, either direction, dropout between layers, composed from recorded ops so autograd
//! runs backward through time. Gate orders and formulas are PyTorch's.

use super::functional::dropout;
use crate::{Error, Generator, Result, Tensor};

/// Which cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Tanh,
    Relu,
    Lstm,
    Gru,
}

impl Cell {
    /// Gates per hidden unit: the row blocks of `weight_ih`.
    pub fn gates(self) -> usize {
        match self {
            Cell::Tanh | Cell::Relu => 1,
            Cell::Lstm => 4,
            Cell::Gru => 3,
        }
    }
}

/// One layer-direction's weights: `weight_ih [G·H, in]`, `weight_hh [G·H, H]`, biases `[G·H]`.
#[derive(Debug, Clone)]
pub struct Weights {
    pub w_ih: Tensor,
    pub w_hh: Tensor,
    pub b_ih: Option<Tensor>,
    pub b_hh: Option<Tensor>,
}

/// The settings of a recurrent stack.
#[derive(Debug, Clone, Copy)]
pub struct Config {
    pub cell: Cell,
    pub hidden: usize,
    pub num_layers: usize,
    pub bidirectional: bool,
    pub dropout: f64,
    pub training: bool,
}

fn affine(x: &Tensor, w: &Tensor, b: Option<&Tensor>) -> Result<Tensor> {
    let y = x.matmul(&w.t()?)?;
    match b {
        Some(b) => y.add(b),
        None => Ok(y),
    }
}

/// One direction of one layer over `x [L, N, in]` from `h0 [N, H]` (and `c0` for LSTM):
/// the outputs `[L, N, H]`, the last h and c.
fn run_direction(
    cfg: &Config,
    x: &Tensor,
    w: &Weights,
    h0: Tensor,
    c0: Option<Tensor>,
    reverse: bool,
) -> Result<(Tensor, Tensor, Option<Tensor>)> {
    let (l, n) = (x.shape()[0], x.shape()[1]);
    let h = cfg.hidden as i64;
    // Input projections for every step at once.
    let xi = affine(&x.reshape(&[(l * n) as i64, -1])?, &w.w_ih, w.b_ih.as_ref())?
        .reshape(&[l as i64, n as i64, -1])?;
    let mut hs: Vec<Tensor> = Vec::with_capacity(l);
    let (mut ht, mut ct) = (h0, c0);
    let order: Vec<usize> = if reverse {
        (0..l).rev().collect()
    } else {
        (0..l).collect()
    };
    for t in order {
        let gi = xi.select(0, t as i64)?;
        let gh = affine(&ht, &w.w_hh, w.b_hh.as_ref())?;
        match cfg.cell {
            Cell::Tanh => ht = gi.add(&gh)?.tanh()?,
            Cell::Relu => ht = gi.add(&gh)?.relu()?,
            Cell::Lstm => {
                let g = gi.add(&gh)?;
                let i = g.narrow(1, 0, h as usize)?.sigmoid()?;
                let f = g.narrow(1, h, h as usize)?.sigmoid()?;
                let gg = g.narrow(1, 2 * h, h as usize)?.tanh()?;
                let o = g.narrow(1, 3 * h, h as usize)?.sigmoid()?;
                let c = ct
                    .as_ref()
                    .ok_or_else(|| Error::invalid("lstm", "LSTM needs a cell state"))?;
                let c = f.mul(c)?.add(&i.mul(&gg)?)?;
                ht = o.mul(&c.tanh()?)?;
                ct = Some(c);
            }
            Cell::Gru => {
                let r = gi
                    .narrow(1, 0, h as usize)?
                    .add(&gh.narrow(1, 0, h as usize)?)?
                    .sigmoid()?;
                let z = gi
                    .narrow(1, h, h as usize)?
                    .add(&gh.narrow(1, h, h as usize)?)?
                    .sigmoid()?;
                let nn = gi
                    .narrow(1, 2 * h, h as usize)?
                    .add(&r.mul(&gh.narrow(1, 2 * h, h as usize)?)?)?
                    .tanh()?;
                ht = z.neg()?.add(1.0)?.mul(&nn)?.add(&z.mul(&ht)?)?;
            }
        }
        hs.push(ht.clone());
    }
    if reverse {
        hs.reverse();
    }
    Ok((Tensor::stack(&hs, 0)?, ht, ct))
}

/// The whole stack over `x [L, N, in]` from `h0 [layers·D, N, H]` (and `c0` for LSTM);
/// `weights` in PyTorch's order (layer by layer, forward then reverse). Returns the last
/// layer's outputs `[L, N, D·H]`, `h_n` and (LSTM) `c_n`.
pub fn forward(
    cfg: &Config,
    x: &Tensor,
    h0: &Tensor,
    c0: Option<&Tensor>,
    weights: &[Weights],
    g: &mut Generator,
) -> Result<(Tensor, Tensor, Option<Tensor>)> {
    let dirs = if cfg.bidirectional { 2 } else { 1 };
    if weights.len() != cfg.num_layers * dirs {
        return Err(Error::invalid("rnn", "wrong number of weight sets"));
    }
    let mut input = x.clone();
    let mut h_n = Vec::new();
    let mut c_n = Vec::new();
    for layer in 0..cfg.num_layers {
        let mut outs = Vec::new();
        for d in 0..dirs {
            let k = layer * dirs + d;
            let c = c0.map(|c| c.select(0, k as i64)).transpose()?;
            let (o, h, c) =
                run_direction(cfg, &input, &weights[k], h0.select(0, k as i64)?, c, d == 1)?;
            outs.push(o);
            h_n.push(h);
            if let Some(c) = c {
                c_n.push(c);
            }
        }
        input = if dirs == 1 {
            outs.remove(0)
        } else {
            Tensor::cat(&outs, 2)?
        };
        if cfg.dropout > 0.0 && cfg.training && layer + 1 < cfg.num_layers {
            input = dropout(&input, cfg.dropout, true, g)?;
        }
    }
    let c = if c_n.is_empty() {
        None
    } else {
        Some(Tensor::stack(&c_n, 0)?)
    };
    Ok((input, Tensor::stack(&h_n, 0)?, c))
}
