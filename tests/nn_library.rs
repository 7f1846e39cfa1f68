//! The library layer from Rust (src/nn, src/optim, src/data, no interpreter): gradients of
//! the composed layers and losses against central differences, an optimizer that trains,
//! and the DataLoader's shuffle against PyTorch's order for the same seed.

use nabla::nn::{functional as nf, rnn, Reduction};
use nabla::{autograd, DType, Generator, Tensor};

fn input(shape: &[usize], seed: u64) -> Tensor {
    let mut g = Generator::new(seed);
    Tensor::randn(shape, DType::F64, &mut g).unwrap() // test input: f64 normal
}

type Op = fn(&[Tensor]) -> nabla::Result<Tensor>;

/// d(sum(op(x) · w))/dx by autograd against central differences, for every input.
fn check(name: &str, inputs: &[Tensor], op: Op) {
    for t in inputs {
        t.set_requires_grad(true).unwrap(); // test input: float leaves
    }
    let out = op(inputs).unwrap_or_else(|e| panic!("{name}: {e}"));
    let w = input(out.shape(), 99);
    let loss = out.mul(&w).unwrap().sum_all().unwrap(); // test: plain ops
    let mut no_hooks = |_: u64, _: &Tensor| Ok(None);
    let grads = autograd::grad(&[loss], inputs, &[None], false, false, true, &mut no_hooks)
        .unwrap_or_else(|e| panic!("{name}: backward: {e}"));
    for (i, x) in inputs.iter().enumerate() {
        let analytic: Vec<f64> = grads[i]
            .as_ref()
            .map_or(vec![0.0; x.numel()], |g| g.to_vec().unwrap());
        let base: Vec<f64> = x.to_vec().unwrap(); // test: f64 input
        for j in 0..base.len() {
            let at = |d: f64| -> f64 {
                let mut v = base.clone();
                v[j] += d;
                let mut xs: Vec<Tensor> = inputs.iter().map(|t| t.detach()).collect();
                xs[i] = Tensor::from_slice(&v, x.shape()).unwrap(); // test: same shape
                autograd::no_grad(|| op(&xs).unwrap().mul(&w).unwrap().sum_all().unwrap())
                    .item()
                    .unwrap()
                    .to_f64()
            };
            let numeric = (at(1e-6) - at(-1e-6)) / 2e-6;
            let err = (numeric - analytic[j]).abs();
            assert!(
                err <= 1e-5 * (1.0 + numeric.abs()),
                "{name}: input {i}[{j}]: autograd {} vs finite difference {numeric}",
                analytic[j]
            );
        }
    }
}

fn labels() -> Tensor {
    Tensor::from_slice(&[0i64, 2, 1, 2], &[4]).unwrap() // test: class indices
}

#[test]
fn losses_match_finite_differences() {
    check(
        "cross_entropy",
        &[input(&[4, 3], 1), input(&[3], 2).abs().unwrap()],
        |x| nf::cross_entropy(&x[0], &labels(), Some(&x[1]), -100, Reduction::Mean, 0.1),
    );
    check("cross_entropy probs", &[input(&[4, 3], 3)], |x| {
        let p = Tensor::full(&[4, 3], (1.0 / 3.0).into(), Some(DType::F64))?;
        nf::cross_entropy(&x[0], &p, None, -100, Reduction::Sum, 0.0)
    });
    check("bce_with_logits", &[input(&[5], 4)], |x| {
        let t = Tensor::from_slice(&[0.0f64, 1.0, 1.0, 0.0, 0.5], &[5])?;
        let pw = Tensor::from_slice(&[2.0f64], &[1])?;
        nf::binary_cross_entropy_with_logits(&x[0], &t, None, Reduction::Mean, Some(&pw))
    });
    check("smooth_l1", &[input(&[6], 5), input(&[6], 6)], |x| {
        nf::smooth_l1_loss(&x[0], &x[1], Reduction::None, 0.5)
    });
    check("kl_div", &[input(&[2, 3], 7)], |x| {
        let t = Tensor::from_slice(&[0.2f64, 0.3, 0.5, 0.0, 0.5, 0.5], &[2, 3])?;
        nf::kl_div(&x[0].log_softmax(1, None)?, &t, "batchmean", false)
    });
}

#[test]
fn normalisations_match_finite_differences() {
    check(
        "batch_norm",
        &[input(&[4, 3], 8), input(&[3], 9), input(&[3], 10)],
        |x| nf::batch_norm(&x[0], None, None, Some(&x[1]), Some(&x[2]), true, 0.1, 1e-5),
    );
    check("layer_norm", &[input(&[2, 4], 11), input(&[4], 12)], |x| {
        nf::layer_norm(&x[0], &[4], Some(&x[1]), None, 1e-5)
    });
    check("group_norm", &[input(&[2, 4, 2], 13)], |x| {
        nf::group_norm(&x[0], 2, None, None, 1e-5)
    });
    check("embedding", &[input(&[5, 2], 14)], |x| {
        let idx = Tensor::from_slice(&[1i64, 4, 1, 0], &[2, 2])?;
        nf::embedding(&idx, &x[0], None)
    });
}

#[test]
fn recurrent_and_attention_match_finite_differences() {
    for cell in [rnn::Cell::Tanh, rnn::Cell::Lstm, rnn::Cell::Gru] {
        let gates = cell.gates();
        let ins = [
            input(&[3, 2, 2], 20),
            input(&[gates * 2, 2], 21),
            input(&[gates * 2, 2], 22),
            input(&[gates * 2], 23),
        ];
        let op: Op = match cell {
            rnn::Cell::Tanh => |x| run(rnn::Cell::Tanh, x),
            rnn::Cell::Lstm => |x| run(rnn::Cell::Lstm, x),
            _ => |x| run(rnn::Cell::Gru, x),
        };
        check(&format!("{cell:?}"), &ins, op);
    }
    check(
        "multi_head_attention",
        &[
            input(&[3, 1, 4], 30),
            input(&[12, 4], 31),
            input(&[4, 4], 32),
        ],
        |x| {
            let mut g = Generator::new(0);
            let mask = Tensor::ones(&[3, 3], DType::Bool)?.triu(1)?;
            Ok(nf::multi_head_attention(
                &x[0],
                &x[0],
                &x[0],
                2,
                &x[1],
                None,
                &x[2],
                None,
                Some(&mask),
                None,
                0.0,
                false,
                None,
                &mut g,
            )?
            .0)
        },
    );
}

fn run(cell: rnn::Cell, x: &[Tensor]) -> nabla::Result<Tensor> {
    let cfg = rnn::Config {
        cell,
        hidden: 2,
        num_layers: 1,
        bidirectional: false,
        dropout: 0.0,
        training: false,
    };
    let w = rnn::Weights {
        w_ih: x[1].clone(),
        w_hh: x[2].clone(),
        b_ih: Some(x[3].clone()),
        b_hh: None,
    };
    let h0 = Tensor::zeros(&[1, 2, 2], DType::F64)?;
    let c0 = (cell == rnn::Cell::Lstm).then(|| h0.clone());
    let mut g = Generator::new(0);
    Ok(rnn::forward(&cfg, &x[0], &h0, c0.as_ref(), &[w], &mut g)?.0)
}

#[test]
fn adam_from_rust_fits_a_line() {
    let mut g = Generator::new(0);
    let w = Tensor::zeros(&[1], DType::F32)
        .unwrap()
        .to_parameter(true)
        .unwrap(); // test: a leaf
    let x = Tensor::randn(&[32, 1], DType::F32, &mut g).unwrap();
    let y = x.mul(3.0).unwrap();
    let mut state = nabla::optim::State::default();
    let h = nabla::optim::Adam {
        lr: 0.1,
        betas: (0.9, 0.999),
        eps: 1e-8,
        weight_decay: 0.0,
        amsgrad: false,
        maximize: false,
        decoupled: false,
    };
    for _ in 0..200 {
        w.set_grad(None).unwrap();
        let loss = nf::mse_loss(&x.mul(&w).unwrap(), &y, Reduction::Mean).unwrap();
        let mut no_hooks = |_: u64, _: &Tensor| Ok(None);
        autograd::backward(&[loss], &[None], false, false, &mut no_hooks).unwrap();
        nabla::optim::adam_step(&w, &mut state, &h).unwrap();
    }
    let fitted = w.item().unwrap().to_f64();
    assert!((fitted - 3.0).abs() < 1e-2, "w = {fitted}");
    assert_eq!(state.step, 200);
}

#[test]
fn shuffle_order_is_pytorchs() {
    // torch.manual_seed(0); list(DataLoader(range(10), shuffle=True)) visits this order.
    let mut g = Generator::new(0);
    let order = nabla::data::epoch_order(10, true, &mut g).unwrap();
    assert_eq!(order, vec![6, 7, 1, 4, 2, 0, 9, 8, 3, 5]);
    assert_eq!(
        nabla::data::split_lengths(10, &[0.5, 0.3, 0.2]).unwrap(),
        vec![5, 3, 2]
    );
    assert!(nabla::data::split_lengths(10, &[3.0, 3.0]).is_err());
}
