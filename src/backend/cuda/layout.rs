//! Layouts as the kernels read them: shape and strides packed into a fixed-size struct
//! passed by value (`Lay` in kernels/common.cuh), after merging the dimensions every
//! operand walks contiguously, so most tensors reach the kernels with one or two dims.

use crate::types::{Error, Layout, Result};

/// The most dimensions a kernel addresses (after merging).
pub const MAX_DIMS: usize = 8;

/// `struct Lay` of kernels/common.cuh, field for field.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lay {
    pub ndim: i32,
    pub pad: i32,
    pub offset: i64,
    pub shape: [i64; MAX_DIMS],
    pub stride: [i64; MAX_DIMS],
}

/// Packs layouts of one shape (operands already broadcast to it) for a kernel: size-1
/// dimensions dropped, and a dimension merged into the next where every operand steps
/// through both as one.
pub fn pack(op: &'static str, layouts: &[&Layout]) -> Result<Vec<Lay>> {
    let Some(first) = layouts.first() else {
        return Ok(Vec::new());
    };
    let shape = first.shape();
    if layouts.iter().any(|l| l.shape() != shape) {
        return Err(Error::invalid(
            op,
            "CUDA kernel operands must have one shape",
        ));
    }
    // (size, strides per operand), outermost first.
    let mut dims: Vec<(usize, Vec<usize>)> = Vec::new();
    for (d, &len) in shape.iter().enumerate() {
        if len == 1 {
            continue;
        }
        let strides: Vec<usize> = layouts.iter().map(|l| l.strides()[d]).collect();
        if let Some((size, outer)) = dims.last_mut() {
            if outer.iter().zip(&strides).all(|(&o, &s)| o == s * len) {
                *size *= len;
                *outer = strides;
                continue;
            }
        }
        dims.push((len, strides));
    }
    if dims.len() > MAX_DIMS {
        return Err(Error::NotImplemented {
            op,
            message: format!(
                "CUDA kernels address at most {MAX_DIMS} non-mergeable dimensions; this layout has {} (call .contiguous() first)",
                dims.len()
            ),
        });
    }
    Ok(layouts
        .iter()
        .enumerate()
        .map(|(k, l)| {
            let mut lay = Lay {
                ndim: dims.len() as i32,
                pad: 0,
                offset: l.offset() as i64,
                shape: [1; MAX_DIMS],
                stride: [0; MAX_DIMS],
            };
            for (d, (size, strides)) in dims.iter().enumerate() {
                lay.shape[d] = *size as i64;
                lay.stride[d] = strides[k] as i64;
            }
            lay
        })
        .collect())
}

impl Lay {
    /// The storage offset of the `i`-th element in row-major order, as the kernels' `loc`.
    pub fn loc(&self, mut i: i64) -> i64 {
        let mut off = self.offset;
        for d in (0..self.ndim as usize).rev() {
            let s = self.shape[d];
            off += (i % s) * self.stride[d];
            i /= s;
        }
        off
    }
}

// Test code: a failing unwrap here is a failing test.
#[cfg(test)]
mod tests {
    use super::*;

    fn offsets(l: &Layout) -> Vec<i64> {
        let shape = l.shape().to_vec();
        let n: usize = shape.iter().product();
        (0..n)
            .map(|mut i| {
                let mut index = vec![0; shape.len()];
                for d in (0..shape.len()).rev() {
                    index[d] = i % shape[d];
                    i /= shape[d];
                }
                l.index_offset(&index) as i64
            })
            .collect()
    }

    #[test]
    fn packed_layouts_address_what_the_layout_does() {
        let base = Layout::contiguous(&[2, 3, 4, 5]);
        let cases = [
            base.clone(),
            base.permute(&[3, 1, 0, 2]),
            base.slice(2, 1, 2, 2),
            base.select(1, 2),
            Layout::contiguous(&[3, 1, 5]).broadcast_to(&[4, 3, 6, 5]),
            Layout::contiguous(&[]),
        ];
        for l in &cases {
            let lay = pack("test", &[l]).unwrap()[0];
            let got: Vec<i64> = (0..l.numel() as i64).map(|i| lay.loc(i)).collect();
            assert_eq!(got, offsets(l), "{l:?}");
        }
    }

    #[test]
    fn contiguous_operands_merge_to_one_dimension() {
        let a = Layout::contiguous(&[4, 5, 6]);
        let lays = pack("add", &[&a, &a]).unwrap();
        assert_eq!(lays[0].ndim, 1);
        assert_eq!(lays[0].shape[0], 120);
        // A transposed operand keeps both dimensions for both.
        let t = Layout::contiguous(&[6, 20]).permute(&[1, 0]);
        let b = Layout::contiguous(&[20, 6]);
        let lays = pack("add", &[&b, &t]).unwrap();
        assert_eq!(lays[0].ndim, 2);
        assert_eq!(lays[1].stride[..2], [1, 20]);
    }

    #[test]
    fn too_many_dimensions_is_an_error_not_a_panic() {
        let l = Layout::contiguous(&[2; 10]).permute(&[9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
        assert!(pack("add", &[&l]).is_err());
        let other = Layout::contiguous(&[2, 3]);
        assert!(pack("add", &[&Layout::contiguous(&[3, 2]), &other]).is_err());
    }
}
