//! Elementwise workloads through the Rust API; benches/compare.py runs the same ones in
//! PyTorch and prints the ratios (benches/RESULTS.md keeps them).
//!
//!   cargo bench --bench elementwise                       (both cores)
//!   RAYON_NUM_THREADS=1 cargo bench --bench elementwise   (one thread)

use divan::Bencher;
use nabla::{DType, Generator, Tensor};

fn main() {
    divan::main();
}

fn randn(n: usize, seed: u64) -> Tensor {
    Tensor::randn(&[n], DType::F32, &mut Generator::new(seed)).unwrap()
}

/// `a * b + c` over 1e7 float32, allocating fresh outputs each time.
#[divan::bench(sample_count = 30)]
fn abc_1e7(bencher: Bencher) {
    let (a, b, c) = (
        randn(10_000_000, 1),
        randn(10_000_000, 2),
        randn(10_000_000, 3),
    );
    bencher.bench_local(|| a.mul(&b).unwrap().add(&c).unwrap());
}

/// `a.exp()` over 1e7 float32.
#[divan::bench(sample_count = 30)]
fn exp_1e7(bencher: Bencher) {
    let a = randn(10_000_000, 1);
    bencher.bench_local(|| a.exp().unwrap());
}

/// `a.add_(b)` over 1e7 float32: an in-place op on a whole tensor.
#[divan::bench(sample_count = 30)]
fn add_inplace_1e7(bencher: Bencher) {
    let (a, b) = (randn(10_000_000, 1), randn(10_000_000, 2));
    bencher.bench_local(|| {
        a.add_(&b).unwrap();
    });
}

/// Adding two 1-element tensors: the per-op overhead.
#[divan::bench(sample_count = 200, sample_size = 1000)]
fn add_tiny(bencher: Bencher) {
    let (a, b) = (randn(1, 1), randn(1, 2));
    bencher.bench_local(|| a.add(&b).unwrap());
}

/// `a + b` at growing sizes: where splitting across threads starts to pay for a cheap,
/// memory-bound op (`PAR_MIN_CHEAP`).
#[divan::bench(args = [16384, 65536, 262144, 1048576, 4194304], sample_count = 100)]
fn add_sized(bencher: Bencher, n: usize) {
    let (a, b) = (randn(n, 1), randn(n, 2));
    bencher.bench_local(|| a.add(&b).unwrap());
}

/// `a.sin()` at growing sizes: the same for a compute-bound op (`PAR_MIN_COSTLY`).
#[divan::bench(args = [4096, 16384, 65536, 262144], sample_count = 100)]
fn sin_sized(bencher: Bencher, n: usize) {
    let a = randn(n, 1);
    bencher.bench_local(|| a.sin().unwrap());
}
