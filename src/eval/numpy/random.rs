//! `np.random`: NumPy's legacy global `RandomState` (MT19937 seeded as `np.random.seed`
//! seeds it), drawing the same streams: `rand`/`random` (53-bit doubles), `randn`/`normal`
//! (the polar Box–Muller method, one value kept for the next draw), `randint` (masked
//! rejection), `uniform`, `shuffle`, `permutation` and `choice`.

use super::{array_value, shape_arg, NdArray};
use crate::eval::lang::builtins::{table, to_float, to_int, Args};
use crate::eval::lang::exc::{type_err, value_err, R};
use crate::eval::lang::interp::Interp;
use crate::eval::lang::value::Value;
use crate::{Generator, Tensor};

/// The legacy global state: its MT19937 and the Gaussian kept from the last pair.
pub struct RandomState {
    mt: Generator,
    gauss: Option<f64>,
}

impl Default for RandomState {
    /// NumPy seeds its global state from the OS; nabla seeds it with 0 until
    /// `np.random.seed`, so a program that never seeds is still reproducible.
    fn default() -> RandomState {
        RandomState {
            mt: Generator::new(0),
            gauss: None,
        }
    }
}

impl RandomState {
    fn seed(&mut self, seed: u32) {
        self.mt.manual_seed(seed as u64);
        self.gauss = None;
    }

    /// `random_sample`: 53 random bits from two draws.
    fn double(&mut self) -> f64 {
        let a = (self.mt.next_u32() >> 5) as f64;
        let b = (self.mt.next_u32() >> 6) as f64;
        (a * 67108864.0 + b) / 9007199254740992.0
    }

    /// `legacy_gauss`: the polar method, the pair's second value kept.
    fn gauss(&mut self) -> f64 {
        if let Some(g) = self.gauss.take() {
            return g;
        }
        loop {
            let x1 = 2.0 * self.double() - 1.0;
            let x2 = 2.0 * self.double() - 1.0;
            let r2 = x1 * x1 + x2 * x2;
            if r2 < 1.0 && r2 != 0.0 {
                let f = (-2.0 * r2.ln() / r2).sqrt();
                self.gauss = Some(f * x1);
                return f * x2;
            }
        }
    }

    /// A draw in [0, rng] by masked rejection, as legacy `randint` and `shuffle` draw.
    fn bounded(&mut self, rng: u64) -> u64 {
        if rng == 0 {
            return 0;
        }
        let mut mask = rng;
        for s in [1, 2, 4, 8, 16, 32] {
            mask |= mask >> s;
        }
        if rng <= 0xffff_ffff {
            if rng == 0xffff_ffff {
                return self.mt.next_u32() as u64;
            }
            loop {
                let v = (self.mt.next_u32() as u64) & mask;
                if v <= rng {
                    return v;
                }
            }
        }
        loop {
            let v = self.mt.next_u64() & mask;
            if v <= rng {
                return v;
            }
        }
    }

    /// `random_interval(max)`: shuffle's draw in [0, max].
    fn interval(&mut self, max: u64) -> u64 {
        if max == 0 {
            return 0;
        }
        let mut mask = max;
        for s in [1, 2, 4, 8, 16, 32] {
            mask |= mask >> s;
        }
        if max <= 0xffff_ffff {
            loop {
                let v = (self.mt.next_u32() as u64) & mask;
                if v <= max {
                    return v;
                }
            }
        }
        loop {
            let v = self.mt.next_u64() & mask;
            if v <= max {
                return v;
            }
        }
    }
}

fn state(it: &mut Interp) -> &mut RandomState {
    it.ext.get::<RandomState>()
}

/// `size=`: None draws one Python float; a number or a tuple draws an array.
fn size_of(v: Option<Value>) -> R<Option<Vec<usize>>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => shape_arg(&v, "size").map(Some),
    }
}

/// `count` doubles from `draw`, as a float64 array of `shape` (or one Python float).
fn floats(
    it: &mut Interp,
    shape: Option<Vec<usize>>,
    mut draw: impl FnMut(&mut RandomState) -> f64,
) -> R<Value> {
    let Some(shape) = shape else {
        return Ok(Value::Float(draw(state(it))));
    };
    let n: usize = shape.iter().product();
    let st = state(it);
    let v: Vec<f64> = (0..n).map(|_| draw(st)).collect();
    array_value(Tensor::from_slice(&v, &shape)?)
}

/// The shape given as separate ints: `rand(2, 3)`.
fn dims(a: &mut Args) -> R<Option<Vec<usize>>> {
    let rest = a.rest(0);
    if rest.is_empty() {
        return Ok(None);
    }
    rest.iter()
        .map(|v| {
            let n = to_int(v, "d")?;
            usize::try_from(n).map_err(|_| value_err("negative dimensions are not allowed"))
        })
        .collect::<R<Vec<_>>>()
        .map(Some)
}

fn shuffle_in_place(st: &mut RandomState, items: &mut [i64]) {
    for i in (1..items.len()).rev() {
        let j = st.interval(i as u64) as usize;
        items.swap(i, j);
    }
}

table! { RANDOM:
    "seed", "seed(seed=None)", "Seeds the global random state (an int in [0, 2**32))." => |it, a| {
        let s = match a.opt(0, "seed") {
            None | Some(Value::None) => {
                let t = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_nanos() as u64);
                (t ^ (t >> 32)) as u32
            }
            Some(v) => {
                let s = to_int(&v, "seed")?;
                u32::try_from(s).map_err(|_| value_err("Seed must be between 0 and 2**32 - 1"))?
            }
        };
        state(it).seed(s);
        Ok(Value::None)
    };
    "rand", "rand(d0, d1, ...)", "Uniform floats in [0, 1) of the given shape (one float without arguments)." => |it, a| {
        let shape = dims(a)?;
        floats(it, shape, RandomState::double)
    };
    "randn", "randn(d0, d1, ...)", "Standard normal floats of the given shape (one float without arguments)." => |it, a| {
        let shape = dims(a)?;
        floats(it, shape, RandomState::gauss)
    };
    "random", "random(size=None)", "Uniform floats in [0, 1)." => |it, a| {
        let shape = size_of(a.opt(0, "size"))?;
        floats(it, shape, RandomState::double)
    };
    "random_sample", "random_sample(size=None)", "Uniform floats in [0, 1)." => |it, a| {
        let shape = size_of(a.opt(0, "size"))?;
        floats(it, shape, RandomState::double)
    };
    "normal", "normal(loc=0.0, scale=1.0, size=None)", "Normal floats with mean loc and standard deviation scale." => |it, a| {
        let loc = a.opt(0, "loc").map(|v| to_float(&v, "loc")).transpose()?.unwrap_or(0.0);
        let scale = a.opt(1, "scale").map(|v| to_float(&v, "scale")).transpose()?.unwrap_or(1.0);
        if scale < 0.0 {
            return Err(value_err("scale < 0"));
        }
        let shape = size_of(a.opt(2, "size"))?;
        floats(it, shape, |s| loc + scale * s.gauss())
    };
    "uniform", "uniform(low=0.0, high=1.0, size=None)", "Uniform floats in [low, high)." => |it, a| {
        let low = a.opt(0, "low").map(|v| to_float(&v, "low")).transpose()?.unwrap_or(0.0);
        let high = a.opt(1, "high").map(|v| to_float(&v, "high")).transpose()?.unwrap_or(1.0);
        let shape = size_of(a.opt(2, "size"))?;
        floats(it, shape, |s| low + (high - low) * s.double())
    };
    "randint", "randint(low, high=None, size=None)", "Random ints in [low, high) (in [0, low) without high)." => |it, a| {
        let first = to_int(&a.req(0, "low")?, "low")?;
        let (low, high) = match a.opt(1, "high") {
            None | Some(Value::None) => (0, first),
            Some(h) => (first, to_int(&h, "high")?),
        };
        if low >= high {
            return Err(value_err("low >= high"));
        }
        let shape = size_of(a.opt(2, "size"))?;
        let rng = (high - 1).wrapping_sub(low) as u64;
        let st = state(it);
        let Some(shape) = shape else {
            return Ok(Value::Int(low.wrapping_add(st.bounded(rng) as i64)));
        };
        let n: usize = shape.iter().product();
        let v: Vec<i64> = (0..n).map(|_| low.wrapping_add(st.bounded(rng) as i64)).collect();
        array_value(Tensor::from_slice(&v, &shape)?)
    };
    "permutation", "permutation(x)", "A shuffled arange(x), or a shuffled copy of the array x." => |it, a| {
        let x = a.req(0, "x")?;
        if let Value::Int(n) = x {
            let n = usize::try_from(n).map_err(|_| value_err("negative dimensions are not allowed"))?;
            let mut v: Vec<i64> = (0..n as i64).collect();
            shuffle_in_place(state(it), &mut v);
            return array_value(Tensor::from_slice(&v, &[n])?);
        }
        let arr = super::to_array(&x)?;
        let n = arr.shape().first().copied().unwrap_or(0);
        let mut order: Vec<i64> = (0..n as i64).collect();
        shuffle_in_place(state(it), &mut order);
        let idx = Tensor::from_slice(&order, &[n])?;
        array_value(arr.index_select(0, &idx)?)
    };
    "shuffle", "shuffle(x)", "Shuffles the array x along its first axis, in place." => |it, a| {
        let x = a.req(0, "x")?;
        let Some(arr) = x.native::<NdArray>() else {
            return Err(type_err("shuffle: x must be a numpy array"));
        };
        let n = arr.t.shape().first().copied().unwrap_or(0);
        let mut order: Vec<i64> = (0..n as i64).collect();
        shuffle_in_place(state(it), &mut order);
        let idx = Tensor::from_slice(&order, &[n])?;
        let shuffled = arr.t.index_select(0, &idx)?;
        arr.t.copy_(&shuffled)?;
        Ok(Value::None)
    };
    "choice", "choice(a, size=None, replace=True)", "Random items of a (or of arange(a))." => |it, a| {
        let pop = a.req(0, "a")?;
        let shape = size_of(a.opt(1, "size"))?;
        let replace = a.opt(2, "replace").map(|v| it.truthy(&v)).transpose()?.unwrap_or(true);
        if a.kw("p").is_some_and(|p| !matches!(p, Value::None)) {
            return Err(value_err("np.random.choice with p= is not supported in nabla yet; draw with torch.multinomial"));
        }
        let arr = match &pop {
            Value::Int(n) => {
                let n = usize::try_from(*n).map_err(|_| value_err("a must be greater than 0"))?;
                Tensor::from_slice(&(0..n as i64).collect::<Vec<i64>>(), &[n])?
            }
            v => super::to_array(v)?,
        };
        let n = arr.shape().first().copied().unwrap_or(0);
        if n == 0 {
            return Err(value_err("'a' cannot be empty unless no samples are taken"));
        }
        let count: usize = shape.as_ref().map_or(1, |s| s.iter().product());
        let st = state(it);
        let picks: Vec<i64> = if replace {
            (0..count).map(|_| st.bounded(n as u64 - 1) as i64).collect()
        } else {
            if count > n {
                return Err(value_err("Cannot take a larger sample than population when 'replace=False'"));
            }
            let mut order: Vec<i64> = (0..n as i64).collect();
            shuffle_in_place(st, &mut order);
            order.truncate(count);
            order
        };
        let idx = Tensor::from_slice(&picks, &[picks.len()])?;
        let chosen = arr.index_select(0, &idx)?;
        match shape {
            // NumPy gives a Python int for `choice(n)`, an element (a NumPy scalar) of an array.
            None if matches!(pop, Value::Int(_)) => super::scalar_of(&chosen.reshape(&[])?),
            None => super::result(chosen.reshape(&[])?),
            Some(s) => {
                let mut full: Vec<i64> = s.iter().map(|&d| d as i64).collect();
                full.extend(arr.shape()[1..].iter().map(|&d| d as i64));
                array_value(chosen.reshape(&full)?)
            }
        }
    };
}
