//! The random generator: Mersenne Twister (mt19937, PyTorch's CPU generator), seeded by
//! `torch.manual_seed`. `rand`, `randn`/`normal`, `randint` and `randperm` draw the same
//! streams as PyTorch's CPU kernels, so seeded code prints the same numbers.

use super::Tensor;
use crate::types::{DType, Error, Result, Scalar};

/// PyTorch's default seed.
pub const DEFAULT_SEED: u64 = 67280421310721;

/// The size of `torch.get_rng_state()`, in bytes.
pub const STATE_BYTES: usize = 5056;
/// The size of the state PyTorch wrote before float normal samples were kept.
const LEGACY_STATE_BYTES: usize = 5048;

#[derive(Clone)]
pub struct Generator {
    state: Box<[u32; 624]>,
    /// mt19937's position as PyTorch keeps it: draws `left` until the next twist (1 right
    /// after seeding: the first draw twists), `next` the word read next.
    left: u32,
    next: usize,
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
            left: 1,
            next: 0,
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
        self.left = 1;
        self.next = 0;
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
        self.left = 624;
        self.next = 0;
    }

    pub fn next_u32(&mut self) -> u32 {
        self.left -= 1;
        if self.left == 0 {
            self.twist();
        }
        let mut y = self.state[self.next];
        self.next += 1;
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

    /// PyTorch's `random_()` for int64: a 64-bit draw modulo 2^63 (also the seeds a
    /// DataLoader draws).
    pub fn random_i64(&mut self) -> i64 {
        (self.next_u64() % (1u64 << 63)) as i64
    }

    /// The state as `torch.get_rng_state()` returns it: PyTorch's 5056-byte
    /// `CPUGeneratorImplState` (the seed, mt19937's position and 624 words, and a kept
    /// normal sample), little-endian.
    pub fn state_bytes(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(STATE_BYTES);
        b.extend_from_slice(&self.seed.to_le_bytes());
        b.extend_from_slice(&(self.left as i32).to_le_bytes());
        b.extend_from_slice(&1i32.to_le_bytes()); // seeded
        b.extend_from_slice(&(self.next as u64).to_le_bytes());
        for w in self.state.iter() {
            b.extend_from_slice(&(*w as u64).to_le_bytes());
        }
        let (valid, y) = match self.next_normal {
            Some(v) => (1i32, v),
            None => (0, 0.0),
        };
        b.extend_from_slice(&0f64.to_le_bytes()); // normal_x
        b.extend_from_slice(&y.to_le_bytes()); // normal_y
        b.extend_from_slice(&0f64.to_le_bytes()); // normal_rho
        b.extend_from_slice(&valid.to_le_bytes());
        b.extend_from_slice(&[0; 4]); // padding
        b.extend_from_slice(&0f32.to_le_bytes()); // next float normal sample
        b.push(0); // ... and whether it is valid
        b.resize(STATE_BYTES, 0);
        b
    }

    /// `torch.set_rng_state(state)`: the inverse of [`Generator::state_bytes`]; PyTorch's
    /// older 5048-byte layout loads too.
    pub fn set_state_bytes(&mut self, b: &[u8]) -> Result<()> {
        if b.len() != STATE_BYTES && b.len() != LEGACY_STATE_BYTES {
            return Err(Error::invalid(
                "set_rng_state",
                format!(
                    "Expected a CPUGeneratorImplState of size {STATE_BYTES} but found the input RNG state size to be {}",
                    b.len()
                ),
            ));
        }
        let u64_at = |i: usize| {
            let mut w = [0u8; 8];
            w.copy_from_slice(&b[i..i + 8]);
            u64::from_le_bytes(w)
        };
        let i32_at = |i: usize| {
            let mut w = [0u8; 4];
            w.copy_from_slice(&b[i..i + 4]);
            i32::from_le_bytes(w)
        };
        let (left, next) = (i32_at(8), u64_at(16));
        // mt19937's own validity check: a position inside the state.
        if !(1..=624).contains(&left) || next > 624 {
            return Err(Error::invalid("set_rng_state", "Invalid mt19937 state"));
        }
        self.seed = u64_at(0);
        for (i, w) in self.state.iter_mut().enumerate() {
            *w = u64_at(24 + 8 * i) as u32;
        }
        self.left = left as u32;
        self.next = next as usize;
        let normal = 24 + 8 * 624;
        let (x, y, rho) = (
            f64::from_bits(u64_at(normal)),
            f64::from_bits(u64_at(normal + 8)),
            f64::from_bits(u64_at(normal + 16)),
        );
        self.next_normal = match (i32_at(normal + 24) != 0, b.len() == STATE_BYTES) {
            (false, _) => None,
            (true, true) => Some(y),
            // The old layout kept Box–Muller's inputs rather than the sample.
            (true, false) => Some(rho * (2.0 * std::f64::consts::PI * x).sin()),
        };
        Ok(())
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
    for i in (0..n.saturating_sub(15)).step_by(16) {
        box_muller_16_f32(&mut d[i..i + 16], mean, std);
    }
    if !n.is_multiple_of(16) {
        for v in &mut d[n - 16..] {
            *v = g.uniform_f32();
        }
        box_muller_16_f32(&mut d[n - 16..], mean, std);
    }
    d
}

/// One block of PyTorch's float `normal_fill`: 16 uniforms become 16 normals, in pairs
/// (`j`, `j + 8`), as its AVX2 kernel computes them (`mean + std * r cos θ` fused).
fn box_muller_16_f32(d: &mut [f32], mean: f32, std: f32) {
    for j in 0..8 {
        let u1 = 1.0 - d[j];
        let u2 = d[j + 8];
        let radius = (-2.0 * super::cephes::log(u1)).sqrt();
        let theta = (2.0 * std::f32::consts::PI) * u2;
        let (sin, cos) = super::cephes::sincos(theta);
        d[j] = (radius * cos).mul_add(std, mean);
        d[j + 8] = (radius * sin).mul_add(std, mean);
    }
}

/// `normal_fill` for float16 and bfloat16: PyTorch works in float, 16 values at a time —
/// 16 uniforms drawn, then turned normal — with the last 16 positions drawn afresh when 16
/// does not divide the count; the results are rounded to the dtype.
fn normal_fill_reduced(n: usize, mean: f32, std: f32, g: &mut Generator) -> Vec<f32> {
    let mut d = vec![0f32; n];
    let fill = |d: &mut [f32], g: &mut Generator| {
        for v in d.iter_mut() {
            *v = g.uniform_f32();
        }
        box_muller_16_f32(d, mean, std);
    };
    for i in (0..n.saturating_sub(15)).step_by(16) {
        fill(&mut d[i..i + 16], g);
    }
    if !n.is_multiple_of(16) {
        fill(&mut d[n - 16..], g);
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

/// `x` as the floating dtype holds it (float for float32 and the half types), via float
/// as C++'s casts go.
fn round_to(x: f64, dtype: DType) -> f32 {
    match dtype {
        DType::F16 => half::f16::from_f32(x as f32).to_f32(),
        DType::BF16 => half::bf16::from_f32(x as f32).to_f32(),
        _ => x as f32,
    }
}

fn float_only(op: &'static str, dtype: DType) -> Result<()> {
    if dtype.is_float() {
        Ok(())
    } else {
        Err(Error::DTypeUnsupported { op, dtype })
    }
}

impl Tensor {
    /// Doubles as `dtype`, cast as PyTorch's kernels cast them: float16 and bfloat16 by way
    /// of float.
    pub(super) fn from_f64s(values: Vec<f64>, shape: &[usize], dtype: DType) -> Result<Tensor> {
        if dtype.is_half() {
            let v: Vec<f32> = values.iter().map(|&x| x as f32).collect();
            return Tensor::from_slice(&v, shape)?.to_dtype(dtype);
        }
        Tensor::from_slice(&values, shape)?.to_dtype(dtype)
    }

    /// Random values for this tensor's elements, drawn in the order the elements lie in
    /// memory, as PyTorch's in-place random kernels visit a strided tensor (so
    /// `w.t().normal_()` draws what PyTorch draws). `draw` gets the shape in memory order
    /// and whether that is this tensor's own (contiguous) layout; the result has this
    /// tensor's shape.
    pub fn drawn_in_memory_order(
        &self,
        draw: impl FnOnce(&[usize], bool) -> Result<Tensor>,
    ) -> Result<Tensor> {
        if self.is_contiguous() {
            return draw(self.shape(), true);
        }
        let mut order: Vec<usize> = (0..self.dim()).collect();
        order.sort_by_key(|&d| std::cmp::Reverse(self.stride()[d]));
        let shape: Vec<usize> = order.iter().map(|&d| self.shape()[d]).collect();
        let mut inverse = vec![0i64; order.len()];
        for (i, &d) in order.iter().enumerate() {
            inverse[d] = i as i64;
        }
        draw(&shape, false)?.permute(&inverse)
    }

    /// `torch.rand`: uniform on [0, 1).
    pub fn rand(shape: &[usize], dtype: DType, g: &mut Generator) -> Result<Tensor> {
        Tensor::uniform(0.0, 1.0, shape, dtype, g)
    }

    /// `uniform_(from, to)` as PyTorch's CPU kernel draws it: one value at a time, a uniform
    /// of the dtype's precision scaled as `x * (to - from) + from` in float (double for
    /// float64), fused as PyTorch's AVX2 build fuses it, then rounded to the dtype.
    pub fn uniform(
        from: f64,
        to: f64,
        shape: &[usize],
        dtype: DType,
        g: &mut Generator,
    ) -> Result<Tensor> {
        float_only("check_uniform_bounds", dtype)?;
        if from > to {
            return Err(Error::invalid(
                "uniform_",
                format!("uniform_ expects to return a [from, to) range, but found from={from} > to={to}"),
            ));
        }
        let n = super::create::staged_numel(shape)?;
        if dtype == DType::F64 {
            let v: Vec<f64> = (0..n)
                .map(|_| g.uniform_f64().mul_add(to - from, from))
                .map(|v| if v == to && from < to { from } else { v })
                .collect();
            return Tensor::from_slice(&v, shape);
        }
        let (a, b) = (round_to(from, dtype), round_to(to, dtype));
        // Rounding can reach `to`; PyTorch returns `from` then, keeping [from, to).
        let v: Vec<f32> = (0..n)
            .map(|_| round_to(g.uniform_f32().mul_add(b - a, a) as f64, dtype))
            .map(|v| if v == b && a < b { a } else { v })
            .collect();
        Tensor::from_slice(&v, shape)?.to_dtype(dtype)
    }

    /// `torch.randn`: standard normal.
    pub fn randn(shape: &[usize], dtype: DType, g: &mut Generator) -> Result<Tensor> {
        Tensor::normal(0.0, 1.0, shape, dtype, g)
    }

    /// `torch.normal(mean, std, size)`, drawn as a fresh (contiguous) tensor.
    pub fn normal(
        mean: f64,
        std: f64,
        shape: &[usize],
        dtype: DType,
        g: &mut Generator,
    ) -> Result<Tensor> {
        Tensor::normal_as(mean, std, shape, dtype, true, g)
    }

    /// `normal_` into a tensor of this shape: PyTorch fills 16 or more contiguous values in
    /// blocks (see `normal_fill_f32`), anything else one value at a time from the
    /// double-precision distribution.
    pub fn normal_as(
        mean: f64,
        std: f64,
        shape: &[usize],
        dtype: DType,
        contiguous: bool,
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
        if n >= 16 && contiguous {
            return match dtype {
                DType::F64 => Tensor::from_slice(&normal_fill_f64(n, mean, std, g), shape),
                DType::F16 | DType::BF16 => {
                    let v = normal_fill_reduced(n, mean as f32, std as f32, g);
                    Tensor::from_slice(&v, shape)?.to_dtype(dtype)
                }
                _ => {
                    let v = normal_fill_f32(n, mean as f32, std as f32, g);
                    Tensor::from_slice(&v, shape)?.to_dtype(dtype)
                }
            };
        }
        let v: Vec<f64> = (0..n).map(|_| g.normal().mul_add(std, mean)).collect();
        Tensor::from_f64s(v, shape, dtype)
    }

    /// `exponential_(lambd)`: PyTorch's CPU kernel draws a double uniform per value for
    /// every dtype and returns `-1/lambd * log1p(-u)`, rounded to the dtype.
    pub fn exponential(
        lambd: f64,
        shape: &[usize],
        dtype: DType,
        g: &mut Generator,
    ) -> Result<Tensor> {
        float_only("exponential_", dtype)?;
        if lambd.is_nan() || lambd <= 0.0 {
            return Err(Error::invalid(
                "exponential_",
                format!("exponential_ expects lambda > 0.0, but found lambda={lambd}"),
            ));
        }
        let n = super::create::staged_numel(shape)?;
        let v: Vec<f64> = (0..n)
            .map(|_| -1.0 / lambd * (-g.uniform_f64()).ln_1p())
            .collect();
        Tensor::from_f64s(v, shape, dtype)
    }

    /// `bernoulli_(p)` with one probability: 1 where a double uniform is below `p`
    /// (PyTorch's portable kernel; its MKL kernel on Intel CPUs draws another stream).
    pub fn bernoulli_scalar(
        p: f64,
        shape: &[usize],
        dtype: DType,
        g: &mut Generator,
    ) -> Result<Tensor> {
        if !(0.0..=1.0).contains(&p) {
            return Err(Error::invalid(
                "bernoulli_",
                format!("bernoulli_ expects p to be in [0, 1], but got p={p}"),
            ));
        }
        let n = super::create::staged_numel(shape)?;
        let v: Vec<f64> = (0..n)
            .map(|_| if g.uniform_f64() < p { 1.0 } else { 0.0 })
            .collect();
        Tensor::from_f64s(v, shape, dtype)
    }

    /// `random_()`: integers over the dtype's whole exact range, `[0, 2^digits]` for floats.
    pub fn random_full(shape: &[usize], dtype: DType, g: &mut Generator) -> Result<Tensor> {
        let n = super::create::staged_numel(shape)?;
        let v: Vec<i64> = (0..n)
            .map(|_| match dtype {
                DType::I64 => g.random_i64(),
                DType::F64 => (g.next_u64() % ((1u64 << 53) + 1)) as i64,
                _ => {
                    let m: u64 = match dtype {
                        DType::F32 => (1 << 24) + 1,
                        DType::F16 => (1 << 11) + 1,
                        DType::BF16 => (1 << 8) + 1,
                        DType::I32 => 1 << 31,
                        DType::I16 => 1 << 15,
                        DType::I8 => 1 << 7,
                        DType::U8 => 1 << 8,
                        _ => 2,
                    };
                    (g.next_u32() as u64 % m) as i64
                }
            })
            .collect();
        Tensor::from_slice(&v, shape)?.to_dtype(dtype)
    }

    /// `torch.multinomial(self, n, replacement)`: `n` category indices per row of the
    /// (unnormalised) weights, as PyTorch's CPU kernel draws them: with replacement, a
    /// binary search of the cumulative distribution per double uniform; without (or for one
    /// sample), the largest `w / q` with `q ~ Exp(1)` (the Gumbel-max trick).
    pub fn multinomial(&self, n: usize, replacement: bool, g: &mut Generator) -> Result<Tensor> {
        let op = "multinomial";
        float_only(op, self.dtype())?;
        if self.dim() != 1 && self.dim() != 2 {
            return Err(Error::invalid(op, "prob_dist must be 1 or 2 dim"));
        }
        let cats = *self.shape().last().unwrap_or(&0);
        if cats == 0 {
            return Err(Error::invalid(
                op,
                "cannot sample from an empty distribution",
            ));
        }
        if n == 0 {
            return Err(Error::invalid(op, "cannot sample n_sample <= 0 samples"));
        }
        if !replacement && n > cats {
            return Err(Error::invalid(
                op,
                "cannot sample n_sample > prob_dist.size(-1) samples without replacement (pass replacement=True to draw categories more than once)",
            ));
        }
        let rows = if self.dim() == 2 { self.shape()[0] } else { 1 };
        let w: Vec<f64> = self.to_scalars()?.iter().map(|s| s.to_f64()).collect();
        let out_shape: Vec<usize> = if self.dim() == 2 {
            vec![rows, n]
        } else {
            vec![n]
        };
        super::create::staged_numel(&out_shape)?;
        if !replacement || n == 1 {
            if w.iter().any(|&x| x.is_nan() || x < 0.0 || x.is_infinite()) {
                return Err(Error::invalid(
                    op,
                    "probability tensor contains either `inf`, `nan` or element < 0",
                ));
            }
            if w.chunks(cats).any(|r| r.iter().sum::<f64>() == 0.0) {
                return Err(Error::invalid(
                    op,
                    "invalid multinomial distribution (sum of probabilities <= 0)",
                ));
            }
            let q = Tensor::exponential(1.0, self.shape(), self.dtype(), g)?;
            let q = self.div(&q)?;
            let idx = if n == 1 {
                q.argmax(Some(-1), true)?
            } else {
                q.topk(n, -1, true)?.1
            };
            return idx.reshape(&out_shape.iter().map(|&d| d as i64).collect::<Vec<_>>());
        }
        let double = self.dtype() == DType::F64;
        let mut out = Vec::with_capacity(rows * n);
        for row in w.chunks(cats) {
            // The running sum in the weights' precision (float unless double), normalised.
            let mut cum = Vec::with_capacity(cats);
            let mut sum = 0.0f64;
            for &x in row {
                if x < 0.0 {
                    return Err(Error::invalid(
                        op,
                        "invalid multinomial distribution (encountering probability entry < 0)",
                    ));
                }
                if !x.is_finite() {
                    return Err(Error::invalid(op, "invalid multinomial distribution (encountering probability entry = infinity or NaN)"));
                }
                sum = if double {
                    sum + x
                } else {
                    (sum as f32 + x as f32) as f64
                };
                cum.push(sum);
            }
            if sum.is_nan() || sum <= 0.0 {
                return Err(Error::invalid(
                    op,
                    "invalid multinomial distribution (sum of probabilities <= 0)",
                ));
            }
            for c in &mut cum {
                *c = if double {
                    *c / sum
                } else {
                    (*c as f32 / sum as f32) as f64
                };
            }
            cum[cats - 1] = 1.0;
            for _ in 0..n {
                let u = g.uniform_f64();
                out.push(cum.partition_point(|&c| c < u) as i64);
            }
        }
        Tensor::from_slice(&out, &out_shape)
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
        Tensor::rand(self.shape(), self.dtype(), g)?.to_device(self.device())
    }

    /// `torch.randn_like`.
    pub fn randn_like(&self, g: &mut Generator) -> Result<Tensor> {
        Tensor::randn(self.shape(), self.dtype(), g)?.to_device(self.device())
    }

    /// `torch.randint_like(x, low, high)`.
    pub fn randint_like(&self, low: i64, high: i64, g: &mut Generator) -> Result<Tensor> {
        Tensor::randint(low, high, self.shape(), self.dtype(), g)?.to_device(self.device())
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
