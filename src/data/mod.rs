//! `torch.utils.data` as plain Rust: the order a `DataLoader` visits samples in, drawn as
//! PyTorch draws it, batch plans, `random_split`'s lengths, and a `TensorDataset`'s batches
//! gathered in one `index_select` per tensor.

use crate::{Error, Generator, Result, Tensor};

/// What one pass of a `DataLoader` draws from the session's generator: `_base_seed`, then
/// (when shuffling, at the first batch) a seed for a fresh generator whose `randperm(n)` is
/// the order. Returns the order.
pub fn epoch_order(n: usize, shuffle: bool, g: &mut Generator) -> Result<Vec<i64>> {
    let _base_seed = g.random_i64();
    if !shuffle {
        return Ok((0..n as i64).collect());
    }
    if n == 0 {
        return Ok(Vec::new());
    }
    let seed = g.random_i64() as u64;
    let mut local = Generator::new(seed);
    Tensor::randperm(n, &mut local)?.to_vec::<i64>()
}

/// One pass's order when the loader has a generator of its own (`DataLoader(generator=g)`):
/// `_base_seed` from it, then `RandomSampler`'s `randperm(n, generator=g)` and the empty
/// tail it draws when the pass runs out (`randperm(n)[:0]`), all from `g`.
pub fn epoch_order_own(n: usize, shuffle: bool, g: &mut Generator) -> Result<Vec<i64>> {
    let _base_seed = g.random_i64();
    if !shuffle {
        return Ok((0..n as i64).collect());
    }
    if n == 0 {
        return Ok(Vec::new());
    }
    let order = Tensor::randperm(n, g)?.to_vec::<i64>()?;
    Tensor::randperm(n, g)?;
    Ok(order)
}

/// The number of batches of `batch_size` in `n` samples.
pub fn num_batches(n: usize, batch_size: usize, drop_last: bool) -> usize {
    if batch_size == 0 {
        return 0;
    }
    if drop_last {
        n / batch_size
    } else {
        n.div_ceil(batch_size)
    }
}

/// `random_split`'s lengths: whole lengths as given, or fractions summing to 1 turned into
/// lengths as PyTorch does (floors, then the remainder one at a time round-robin).
pub fn split_lengths(n: usize, lengths: &[f64]) -> Result<Vec<usize>> {
    let total: f64 = lengths.iter().sum();
    let fractional = (total - 1.0).abs() <= 1e-9 && total <= 1.0;
    if fractional {
        if lengths.iter().any(|&f| !(0.0..=1.0).contains(&f)) {
            return Err(Error::value(
                "random_split",
                "Fraction at index 0 is not between 0 and 1",
            ));
        }
        let mut out: Vec<usize> = lengths
            .iter()
            .map(|f| (n as f64 * f).floor() as usize)
            .collect();
        let rem = n - out.iter().sum::<usize>();
        let k = out.len();
        for i in 0..rem {
            out[i % k] += 1;
        }
        return Ok(out);
    }
    if lengths.iter().any(|&l| l < 0.0 || l.fract() != 0.0) || total as usize != n {
        return Err(Error::value(
            "random_split",
            "Sum of input lengths does not equal the length of the input dataset!",
        ));
    }
    Ok(lengths.iter().map(|&l| l as usize).collect())
}

/// The rows `idx` of each tensor: one batch of a `TensorDataset`.
pub fn gather_rows(tensors: &[Tensor], idx: &[i64]) -> Result<Vec<Tensor>> {
    let index = Tensor::from_slice(idx, &[idx.len()])?;
    tensors.iter().map(|t| t.index_select(0, &index)).collect()
}
