//! Autograd workloads through the Rust API: one forward+backward step of a 784-256-10 MLP
//! at batch 128, and the cost of recording (and running backward through) ops on 1-element
//! tensors. benches/compare_autograd.py runs the same ones in PyTorch and prints the ratios
//! (benches/RESULTS.md keeps them).
//!
//!   cargo bench --bench autograd                       (both cores)
//!   RAYON_NUM_THREADS=1 cargo bench --bench autograd   (one thread)

use divan::Bencher;
use nabla::autograd;
use nabla::{DType, Generator, Tensor};

fn main() {
    divan::main();
}

fn randn(shape: &[usize], seed: u64) -> Tensor {
    Tensor::randn(shape, DType::F32, &mut Generator::new(seed)).unwrap()
}

fn param(shape: &[usize], seed: u64) -> Tensor {
    let t = randn(shape, seed).mul(0.05).unwrap();
    t.set_requires_grad(true).unwrap();
    t
}

fn no_hooks(_: u64, _: &Tensor) -> nabla::Result<Option<Tensor>> {
    Ok(None)
}

/// One training step's autograd work, as PyTorch code writes it:
/// `loss = -F.log_softmax(F.linear(F.relu(F.linear(x, w1, b1)), w2, b2), 1).gather(1, y).mean()`
/// then `loss.backward()`, with the gradients reset to None first (`zero_grad()`'s default).
#[divan::bench(sample_count = 100)]
fn mlp_step_784_256_10_b128(bencher: Bencher) {
    let x = randn(&[128, 784], 1);
    let y = Tensor::randint(0, 10, &[128, 1], DType::I64, &mut Generator::new(2)).unwrap();
    let (w1, b1) = (param(&[256, 784], 3), param(&[256], 4));
    let (w2, b2) = (param(&[10, 256], 5), param(&[10], 6));
    let params = [&w1, &b1, &w2, &b2];
    bencher.bench_local(|| {
        for p in params {
            p.set_grad(None).unwrap();
        }
        let h = b1.addmm(&x, &w1.t().unwrap(), 1.into(), 1.into()).unwrap();
        let h = h.relu().unwrap();
        let z = b2.addmm(&h, &w2.t().unwrap(), 1.into(), 1.into()).unwrap();
        let logp = z.log_softmax(1, None).unwrap();
        let loss = logp
            .gather(1, &y)
            .unwrap()
            .mean(None, false, None)
            .unwrap()
            .neg()
            .unwrap();
        autograd::backward(&[loss], &[None], false, false, &mut no_hooks).unwrap();
    });
}

/// `x * y` where `x` requires grad: the op plus recording its node.
#[divan::bench(sample_count = 200, sample_size = 1000)]
fn tiny_mul_recorded(bencher: Bencher) {
    let (x, y) = (param(&[1], 7), randn(&[1], 8));
    bencher.bench_local(|| x.mul(&y).unwrap());
}

/// The same `x * y` with nothing requiring grad, for the recording's share of the time.
#[divan::bench(sample_count = 200, sample_size = 1000)]
fn tiny_mul_plain(bencher: Bencher) {
    let (x, y) = (randn(&[1], 7), randn(&[1], 8));
    bencher.bench_local(|| x.mul(&y).unwrap());
}

/// `((x * y + x).sin()).backward()` on 1-element tensors: three recorded ops and a backward
/// walk accumulating into `x.grad`.
#[divan::bench(sample_count = 200, sample_size = 100)]
fn tiny_chain_backward(bencher: Bencher) {
    let (x, y) = (param(&[1], 9), randn(&[1], 10));
    bencher.bench_local(|| {
        let z = x.mul(&y).unwrap().add(&x).unwrap().sin().unwrap();
        autograd::backward(&[z], &[None], false, false, &mut no_hooks).unwrap();
    });
}
