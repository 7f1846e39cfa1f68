//! The random generator: Mersenne Twister (mt19937, PyTorch's CPU generator), seeded by
//! `torch.manual_seed`. `rand`, `randn`/`normal`, `randint` and `randperm` draw the same
//! streams as PyTorch's CPU kernels, so seeded code prints the same numbers.

use super::Tensor;
use crate::types::{DType, Error, Result, Scalar};

/// PyTorch's default seed.
pub const DEFAULT_SEED: u64 = 67280421310721;

#[derive(Clone)]
pub struct Generator {
    state: Box<[u32; 624]>,
    index: usize,
    seed: u64,
    /// The second value of the last Box–Muller pair, kept for the next `normal()` (as
    /// PyTorch's generator keeps its next double normal sample).
    next_normal: Option<f64>,
}

impl Default for Generator {
    fn default() -> Self {
        Generator::new(DEFAULT_SEED)
    }
}

impl Generator {
    pub fn new(seed: u64) -> Generator {
        let mut g = Generator {
            state: Box::new([0; 624]),
            index: 624,
            seed,
            next_normal: None,
        };
        g.manual_seed(seed);
        g
    }

    pub fn manual_seed(&mut self, seed: u64) {
        self.seed = seed;
        self.state[0] = seed as u32;
        for i in 1..624 {
            let prev = self.state[i - 1];
            self.state[i] = 1812433253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = 624;
        self.next_normal = None;
    }

    pub fn initial_seed(&self) -> u64 {
        self.seed
    }

    fn twist(&mut self) {
        for i in 0..624 {
            let y = (self.state[i] & 0x8000_0000) | (self.state[(i + 1) % 624] & 0x7fff_ffff);
            let mut v = self.state[(i + 397) % 624] ^ (y >> 1);
            if y & 1 != 0 {
                v ^= 0x9908_b0df;
            }
            self.state[i] = v;
        }
        self.index = 0;
    }

    pub fn next_u32(&mut self) -> u32 {
        if self.index >= 624 {
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    pub fn next_u64(&mut self) -> u64 {
        let hi = self.next_u32() as u64;
        let lo = self.next_u32() as u64;
        (hi << 32) | lo
    }

    /// Uniform in [0, 1) with 24 random bits.
    pub fn uniform_f32(&mut self) -> f32 {
        (self.next_u32() & ((1 << 24) - 1)) as f32 * (1.0 / (1u32 << 24) as f32)
    }

    /// Uniform in [0, 1) with 53 random bits.
    pub fn uniform_f64(&mut self) -> f64 {
        (self.next_u64() & ((1 << 53) - 1)) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A standard normal sample: PyTorch's `normal_distribution<double>`, Box–Muller on two
    /// 53-bit uniforms, returning the cosine value and keeping the sine value for the next
    /// call.
    pub fn normal(&mut self) -> f64 {
        if let Some(v) = self.next_normal.take() {
            return v;
        }
        let u1 = self.uniform_f64();
        let u2 = self.uniform_f64();
        let r = (-2.0 * (-u2).ln_1p()).sqrt();
        let theta = 2.0 * std::f64::consts::PI * u1;
        self.next_normal = Some(r * theta.sin());
        r * theta.cos()
    }
}

/// PyTorch's `normal_fill` for 16 or more contiguous values: every value drawn uniform first,
/// then each block of 16 turned normal in pairs (`j`, `j + 8`); when 16 does not divide the
/// count, the last 16 values are drawn again and transformed again.
fn normal_fill_f32(n: usize, mean: f32, std: f32, g: &mut Generator) -> Vec<f32> {
    let mut d: Vec<f32> = (0..n).map(|_| g.uniform_f32()).collect();
    let block = |d: &mut [f32]| {
        for j in 0..8 {
            let u1 = 1.0 - d[j];
            let u2 = d[j + 8];
            let radius = (-2.0 * u1.ln()).sqrt();
            let theta = (2.0 * std::f32::consts::PI) * u2;
            d[j] = (radius * theta.cos()).mul_add(std, mean);
            d[j + 8] = (radius * theta.sin()).mul_add(std, mean);
        }
    };
    for i in (0..n.saturating_sub(15)).step_by(16) {
        block(&mut d[i..i + 16]);
    }
    if !n.is_multiple_of(16) {
        for v in &mut d[n - 16..] {
            *v = g.uniform_f32();
        }
        block(&mut d[n - 16..]);
    }
    d
}

/// `normal_fill` in double precision (53-bit uniforms).
fn normal_fill_f64(n: usize, mean: f64, std: f64, g: &mut Generator) -> Vec<f64> {
    let mut d: Vec<f64> = (0..n).map(|_| g.uniform_f64()).collect();
    let block = |d: &mut [f64]| {
        for j in 0..8 {
            let u1 = 1.0 - d[j];
            let u2 = d[j + 8];
            let radius = (-2.0 * u1.ln()).sqrt();
            let theta = 2.0 * std::f64::consts::PI * u2;
            d[j] = (radius * theta.cos()).mul_add(std, mean);
            d[j + 8] = (radius * theta.sin()).mul_add(std, mean);
        }
    };
    for i in (0..n.saturating_sub(15)).step_by(16) {
        block(&mut d[i..i + 16]);
    }
    if !n.is_multiple_of(16) {
        for v in &mut d[n - 16..] {
            *v = g.uniform_f64();
        }
        block(&mut d[n - 16..]);
    }
    d
}

fn float_only(op: &'static str, dtype: DType) -> Result<()> {
    if dtype.is_float() {
        Ok(())
    } else {
        Err(Error::DTypeUnsupported { op, dtype })
    }
}

impl Tensor {
    pub(super) fn from_f64s(values: Vec<f64>, shape: &[usize], dtype: DType) -> Result<Tensor> {
        let t = Tensor::from_slice(&values, shape)?;
        t.to_dtype(dtype)
    }

    /// `torch.rand`: uniform on [0, 1).
    pub fn rand(shape: &[usize], dtype: DType, g: &mut Generator) -> Result<Tensor> {
        float_only("check_uniform_bounds", dtype)?;
        let n = super::create::staged_numel(shape)?;
        if dtype == DType::F64 {
            let v: Vec<f64> = (0..n).map(|_| g.uniform_f64()).collect();
            return Tensor::from_slice(&v, shape);
        }
        let v: Vec<f32> = (0..n).map(|_| g.uniform_f32()).collect();
        Tensor::from_slice(&v, shape)?.to_dtype(dtype)
    }

    /// `torch.randn`: standard normal.
    pub fn randn(shape: &[usize], dtype: DType, g: &mut Generator) -> Result<Tensor> {
        Tensor::normal(0.0, 1.0, shape, dtype, g)
    }

    /// `torch.normal(mean, std, size)`.
    pub fn normal(
        mean: f64,
        std: f64,
        shape: &[usize],
        dtype: DType,
        g: &mut Generator,
    ) -> Result<Tensor> {
        float_only("normal", dtype)?;
        if std < 0.0 || std.is_nan() {
            return Err(Error::invalid(
                "normal",
                format!("normal expects std >= 0.0, but found std {std}"),
            ));
        }
        let n = super::create::staged_numel(shape)?;
        // PyTorch's CPU kernel: a vectorisable fill from 16 values on, else one value at a
        // time from the double-precision distribution.
        if n >= 16 && dtype == DType::F64 {
            return Tensor::from_slice(&normal_fill_f64(n, mean, std, g), shape);
        }
        if n >= 16 {
            let v = normal_fill_f32(n, mean as f32, std as f32, g);
            return Tensor::from_slice(&v, shape)?.to_dtype(dtype);
        }
        let v = (0..n).map(|_| g.normal().mul_add(std, mean)).collect();
        Tensor::from_f64s(v, shape, dtype)
    }

    /// `torch.randint(low, high, size)`: integers in [low, high).
    pub fn randint(
        low: i64,
        high: i64,
        shape: &[usize],
        dtype: DType,
        g: &mut Generator,
    ) -> Result<Tensor> {
        if high <= low {
            return Err(Error::invalid(
                "randint",
                format!(
                    "random_ expects 'from' to be less than 'to', but got from={low} >= to={high}"
                ),
            ));
        }
        let range = (high as i128 - low as i128) as u128;
        let n = super::create::staged_numel(shape)?;
        let v: Vec<i64> = (0..n)
            .map(|_| {
                let r = if range <= u32::MAX as u128 {
                    g.next_u32() as u128 % range
                } else {
                    g.next_u64() as u128 % range
                };
                (low as i128 + r as i128) as i64
            })
            .collect();
        Tensor::from_slice(&v, shape)?.to_dtype(dtype)
    }

    /// `torch.randperm(n)`: a random permutation of 0..n, int64, drawn as PyTorch's CPU kernel
    /// draws it (a forward swap with 32-bit draws; for huge `n`, the inside-out shuffle on
    /// 64-bit draws).
    pub fn randperm(n: usize, g: &mut Generator) -> Result<Tensor> {
        super::create::staged_numel(&[n])?;
        let mut v: Vec<i64> = Vec::with_capacity(n);
        if n < (u32::MAX / 20) as usize {
            v.extend(0..n as i64);
            for i in 0..n.saturating_sub(1) {
                let z = g.next_u32() as usize % (n - i);
                v.swap(i, z + i);
            }
        } else {
            for i in 0..n {
                let z = (g.next_u64() % (i as u64 + 1)) as usize;
                v.push(i as i64);
                v[i] = v[z];
                v[z] = i as i64;
            }
        }
        Tensor::from_slice(&v, &[n])
    }

    /// `torch.bernoulli(p)`: 1 with probability `p[i]`, else 0; same dtype as `p`.
    pub fn bernoulli(&self, g: &mut Generator) -> Result<Tensor> {
        float_only("bernoulli", self.dtype())?;
        let p = self.to_scalars()?;
        let mut v = Vec::with_capacity(p.len());
        for s in p {
            let p = s.to_f64();
            if !(0.0..=1.0).contains(&p) {
                return Err(Error::invalid(
                    "bernoulli",
                    format!("Expected p_in >= 0 && p_in <= 1 to be true, but got false (p = {p})"),
                ));
            }
            // PyTorch draws a 53-bit uniform for double probabilities, else a 24-bit one.
            let u = if self.dtype() == DType::F64 {
                g.uniform_f64()
            } else {
                g.uniform_f32() as f64
            };
            v.push(if u < p { 1.0 } else { 0.0 });
        }
        Tensor::from_f64s(v, self.shape(), self.dtype())
    }

    /// `torch.rand_like`.
    pub fn rand_like(&self, g: &mut Generator) -> Result<Tensor> {
        Tensor::rand(self.shape(), self.dtype(), g)
    }

    /// `torch.randn_like`.
    pub fn randn_like(&self, g: &mut Generator) -> Result<Tensor> {
        Tensor::randn(self.shape(), self.dtype(), g)
    }

    /// `torch.randint_like(x, low, high)`.
    pub fn randint_like(&self, low: i64, high: i64, g: &mut Generator) -> Result<Tensor> {
        Tensor::randint(low, high, self.shape(), self.dtype(), g)
    }

    /// A 0-dim tensor holding `s`, with its default dtype.
    pub fn scalar(s: impl Into<Scalar>) -> Result<Tensor> {
        let s = s.into();
        Tensor::scalar_as(s, s.default_dtype())
    }

    /// A 0-dim tensor holding `s` converted to `dtype`.
    pub fn scalar_as(s: Scalar, dtype: DType) -> Result<Tensor> {
        let st = super::nested::storage_from_scalars(&[s], dtype)?;
        Ok(Tensor::from_storage(st, &[]))
    }
}

#[cfg(test)]
mod tests {
    use super::Generator;

    #[test]
    fn mt19937_reference_stream() {
        // The 10000th output of mt19937 seeded with 5489 is 4123659995 (C++ [rand.predef]).
        let mut g = Generator::new(5489);
        let mut last = 0;
        for _ in 0..10000 {
            last = g.next_u32();
        }
        assert_eq!(last, 4123659995);
    }
}
