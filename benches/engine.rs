//! Engine II workloads through the Rust API: matmul at four sizes, a long sum, a row
//! softmax and a small convolution. benches/compare_engine.py runs the same ones in PyTorch
//! and prints the ratios (benches/RESULTS.md keeps them).
//!
//!   cargo bench --bench engine                       (both cores)
//!   RAYON_NUM_THREADS=1 cargo bench --bench engine   (one thread)

use divan::Bencher;
use nabla::tensor::ConvOpts;
use nabla::{DType, Generator, Tensor};

fn main() {
    divan::main();
}

fn randn(shape: &[usize], seed: u64) -> Tensor {
    Tensor::randn(shape, DType::F32, &mut Generator::new(seed)).unwrap()
}

fn matmul(bencher: Bencher, n: usize) {
    let (a, b) = (randn(&[n, n], 1), randn(&[n, n], 2));
    bencher.bench_local(|| a.matmul(&b).unwrap());
}

#[divan::bench(sample_count = 50, sample_size = 100)]
fn matmul_64(bencher: Bencher) {
    matmul(bencher, 64);
}

#[divan::bench(sample_count = 50)]
fn matmul_256(bencher: Bencher) {
    matmul(bencher, 256);
}

#[divan::bench(sample_count = 10)]
fn matmul_1024(bencher: Bencher) {
    matmul(bencher, 1024);
}

#[divan::bench(sample_count = 10)]
fn matmul_2048(bencher: Bencher) {
    matmul(bencher, 2048);
}

#[divan::bench(sample_count = 50)]
fn sum_1e7(bencher: Bencher) {
    let x = randn(&[10_000_000], 3);
    bencher.bench_local(|| x.sum_all().unwrap());
}

#[divan::bench(sample_count = 50)]
fn softmax_4096x1024(bencher: Bencher) {
    let x = randn(&[4096, 1024], 4);
    bencher.bench_local(|| x.softmax(-1, None).unwrap());
}

#[divan::bench(sample_count = 50)]
fn conv2d_64x3x32x32(bencher: Bencher) {
    let (x, w) = (randn(&[64, 3, 32, 32], 5), randn(&[16, 3, 3, 3], 6));
    bencher.bench_local(|| x.conv2d(&w, None, &ConvOpts::default()).unwrap());
}
