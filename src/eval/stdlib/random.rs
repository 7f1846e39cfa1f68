//! `_random`: CPython's Mersenne Twister and its algorithms, under random.py, so a seeded
//! script draws the same numbers as CPython.

use crate::eval::lang::builtins::{self, table, to_float, to_int};
use crate::eval::lang::exc::{err, type_err, value_err};
use crate::eval::lang::value::*;

/// Python's `random` module: the same Mersenne Twister and algorithms as CPython, so a
/// seeded script prints the same numbers.
pub struct PyRandom {
    mt: [u32; 624],
    index: usize,
}

impl Default for PyRandom {
    /// Seeded with 0, so a program that never seeds `random` is still reproducible.
    fn default() -> PyRandom {
        PyRandom::new(0)
    }
}

impl PyRandom {
    pub fn new(seed: u64) -> PyRandom {
        let mut r = PyRandom {
            mt: [0; 624],
            index: 624,
        };
        r.seed(seed);
        r
    }

    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..624 {
            let prev = self.mt[i - 1];
            self.mt[i] = 1812433253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = 624;
    }

    /// CPython's `random.seed(int)`: init_by_array over the integer's 32-bit words.
    pub fn seed(&mut self, seed: u64) {
        let key: Vec<u32> = if seed >> 32 == 0 {
            vec![seed as u32]
        } else {
            vec![seed as u32, (seed >> 32) as u32]
        };
        self.init_genrand(19650218);
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..624.max(key.len()) {
            let prev = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1664525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= 624 {
                self.mt[0] = self.mt[623];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..623 {
            let prev = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1566083941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= 624 {
                self.mt[0] = self.mt[623];
                i = 1;
            }
        }
        self.mt[0] = 0x8000_0000;
        self.index = 624;
    }

    fn genrand(&mut self) -> u32 {
        if self.index >= 624 {
            for k in 0..624 {
                let y = (self.mt[k] & 0x8000_0000) | (self.mt[(k + 1) % 624] & 0x7fff_ffff);
                let mut v = self.mt[(k + 397) % 624] ^ (y >> 1);
                if y & 1 != 0 {
                    v ^= 0x9908_b0df;
                }
                self.mt[k] = v;
            }
            self.index = 0;
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    pub fn random(&mut self) -> f64 {
        let a = (self.genrand() >> 5) as f64;
        let b = (self.genrand() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    fn getrandbits(&mut self, k: u32) -> u64 {
        if k == 0 {
            return 0;
        }
        if k <= 32 {
            return (self.genrand() >> (32 - k)) as u64;
        }
        let lo = self.genrand() as u64;
        let hi = (self.genrand() >> (64 - k.min(64))) as u64;
        lo | (hi << 32)
    }

    /// A uniform integer in [0, n).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.getrandbits(k);
            if r < n {
                return r;
            }
        }
    }
}

table! { RANDOM:
    "seed", "seed(a=None)", "Seeds the generator." => |it, a| {
        let s = match a.opt(0, "a") {
            Some(v) => to_int(&v, "seed")?.unsigned_abs(),
            None => std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos() as u64,
        };
        it.ext.get::<PyRandom>().seed(s);
        Ok(Value::None)
    };
    "random", "random()", "A float in [0, 1)." => |it, _| Ok(Value::Float(it.ext.get::<PyRandom>().random()));
    "getrandbits", "getrandbits(k)", "An int with k random bits (k at most 63 in nabla)." => |it, a| {
        let k = to_int(&a.req(0, "k")?, "k")?;
        if k < 0 {
            return Err(value_err("number of bits must be non-negative"));
        }
        if k > 63 {
            return Err(err("OverflowError", "getrandbits(k) above 63 bits does not fit nabla's 64-bit int"));
        }
        Ok(Value::Int(it.ext.get::<PyRandom>().getrandbits(k as u32) as i64))
    };
    "uniform", "uniform(a, b)", "A float between a and b." => |it, a| {
        let lo = to_float(&a.req(0, "a")?, "a")?;
        let hi = to_float(&a.req(1, "b")?, "b")?;
        Ok(Value::Float(lo + (hi - lo) * it.ext.get::<PyRandom>().random()))
    };
    "randint", "randint(a, b)", "An integer in [a, b], both included." => |it, a| {
        let lo = to_int(&a.req(0, "a")?, "a")?;
        let hi = to_int(&a.req(1, "b")?, "b")?;
        if hi < lo {
            return Err(value_err(format!("empty range in randrange({lo}, {})", hi + 1)));
        }
        Ok(Value::Int(lo + it.ext.get::<PyRandom>().below((hi - lo + 1) as u64) as i64))
    };
    "randrange", "randrange(start, stop=None, step=1)", "A random item of range(start, stop, step)." => |it, a| {
        let x = to_int(&a.req(0, "start")?, "start")?;
        let (start, stop) = match a.opt(1, "stop") { Some(s) => (x, to_int(&s, "stop")?), None => (0, x) };
        let step = a.opt(2, "step").map(|s| to_int(&s, "step")).transpose()?.unwrap_or(1);
        let n = builtins::range_len(&[start, stop, step]);
        if n == 0 {
            return Err(value_err(format!("empty range in randrange({start}, {stop})")));
        }
        Ok(Value::Int(start + step * it.ext.get::<PyRandom>().below(n as u64) as i64))
    };
    "choice", "choice(seq)", "A random item of a non-empty sequence." => |it, a| {
        let seq = a.req(0, "seq")?;
        let n = it.len(&seq)?;
        if n == 0 {
            return Err(err("IndexError", "Cannot choose from an empty sequence"));
        }
        let i = it.ext.get::<PyRandom>().below(n as u64) as i64;
        it.getitem(&seq, &Value::Int(i))
    };
    "shuffle", "shuffle(x)", "Shuffles a list in place." => |it, a| {
        let v = a.req(0, "x")?;
        let Value::List(l) = &v else { return Err(type_err("shuffle() needs a list")) };
        let n = l.borrow().len();
        for i in (1..n).rev() {
            let j = it.ext.get::<PyRandom>().below(i as u64 + 1) as usize;
            l.borrow_mut().swap(i, j);
        }
        Ok(Value::None)
    };
    "sample", "sample(population, k)", "k distinct random items of the population." => |it, a| {
        let pop = it.collect(&a.req(0, "population")?)?;
        let k = to_int(&a.req(1, "k")?, "k")?;
        let n = pop.len();
        if k < 0 || k as usize > n {
            return Err(value_err("Sample larger than population or is negative"));
        }
        let k = k as usize;
        let mut setsize = 21usize;
        if k > 5 {
            setsize += 4usize.pow(((k * 3) as f64).log(4.0).ceil() as u32);
        }
        let mut out = Vec::with_capacity(k);
        if n <= setsize {
            let mut pool = pop.clone();
            for i in 0..k {
                let j = it.ext.get::<PyRandom>().below((n - i) as u64) as usize;
                out.push(pool[j].clone());
                pool[j] = pool[n - i - 1].clone();
            }
        } else {
            let mut seen = std::collections::HashSet::new();
            for _ in 0..k {
                let mut j = it.ext.get::<PyRandom>().below(n as u64) as usize;
                while seen.contains(&j) {
                    j = it.ext.get::<PyRandom>().below(n as u64) as usize;
                }
                seen.insert(j);
                out.push(pop[j].clone());
            }
        }
        Ok(Value::list(out))
    };
    "gauss", "gauss(mu=0.0, sigma=1.0)", "A normal random float." => |it, a| {
        let mu = a.opt(0, "mu").map(|v| to_float(&v, "mu")).transpose()?.unwrap_or(0.0);
        let sigma = a.opt(1, "sigma").map(|v| to_float(&v, "sigma")).transpose()?.unwrap_or(1.0);
        let x2pi = it.ext.get::<PyRandom>().random() * std::f64::consts::TAU;
        let g2rad = (-2.0 * (1.0 - it.ext.get::<PyRandom>().random()).ln()).sqrt();
        Ok(Value::Float(mu + x2pi.cos() * g2rad * sigma))
    };
}
