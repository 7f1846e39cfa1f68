//! Layouts: shape, strides (in elements) and storage offset. Every view is a layout edit.

use smallvec::SmallVec;
use std::fmt;

/// Sizes or strides; most tensors have at most six dimensions, so they live inline.
pub type Dims = SmallVec<[usize; 6]>;

/// How a tensor's elements sit in its storage: element `i` (a multi-index) lives at
/// `offset + Σ i[d] * strides[d]`.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Layout {
    shape: Dims,
    strides: Dims,
    offset: usize,
}

/// The row-major strides of `shape`.
pub fn contiguous_strides(shape: &[usize]) -> Dims {
    let mut strides = Dims::from_slice(shape);
    let mut acc = 1usize;
    for d in (0..shape.len()).rev() {
        strides[d] = acc;
        acc = acc.saturating_mul(shape[d].max(1));
    }
    strides
}

/// The number of elements of `shape`, or `None` when it overflows.
pub fn checked_numel(shape: &[usize]) -> Option<usize> {
    shape.iter().try_fold(1usize, |acc, &s| acc.checked_mul(s))
}

// SmallVec's derived clone goes element by element through `extend`; a memcpy of the
// inline array is several times cheaper, and layouts are cloned on every op.
impl Clone for Layout {
    fn clone(&self) -> Self {
        Layout {
            shape: Dims::from_slice(&self.shape),
            strides: Dims::from_slice(&self.strides),
            offset: self.offset,
        }
    }
}

impl Layout {
    pub fn contiguous(shape: &[usize]) -> Layout {
        Layout::new(Dims::from_slice(shape), contiguous_strides(shape), 0)
    }

    pub fn new(shape: Dims, strides: Dims, offset: usize) -> Layout {
        debug_assert_eq!(shape.len(), strides.len());
        Layout {
            shape,
            strides,
            offset,
        }
    }

    pub fn shape(&self) -> &[usize] {
        &self.shape
    }
    pub fn strides(&self) -> &[usize] {
        &self.strides
    }
    pub fn offset(&self) -> usize {
        self.offset
    }
    pub fn ndim(&self) -> usize {
        self.shape.len()
    }
    pub fn numel(&self) -> usize {
        // A zero anywhere makes it empty, whatever the other sizes (which may be huge).
        if self.shape.contains(&0) {
            return 0;
        }
        self.shape.iter().fold(1usize, |a, &s| a.saturating_mul(s))
    }

    /// PyTorch's rule: strides of size-1 dimensions do not matter.
    pub fn is_contiguous(&self) -> bool {
        let mut expected = 1;
        for (&size, &stride) in self.shape.iter().zip(&self.strides).rev() {
            if size != 1 {
                if stride != expected {
                    return false;
                }
                expected = expected.saturating_mul(size);
            }
        }
        true
    }

    /// The storage range `[offset, offset + numel)` when the layout is contiguous.
    pub fn contiguous_range(&self) -> Option<std::ops::Range<usize>> {
        self.is_contiguous()
            .then(|| self.offset..self.offset + self.numel())
    }

    /// One past the largest storage index this layout touches (0 when empty).
    pub fn storage_extent(&self) -> usize {
        if self.numel() == 0 {
            return 0;
        }
        self.offset
            + self
                .shape
                .iter()
                .zip(&self.strides)
                .map(|(&s, &st)| (s - 1) * st)
                .sum::<usize>()
            + 1
    }

    /// True when no two indices share a storage element (no zero strides over size > 1).
    pub fn has_internal_overlap(&self) -> bool {
        self.shape
            .iter()
            .zip(&self.strides)
            .any(|(&s, &st)| s > 1 && st == 0)
    }

    /// True when the elements fill `[offset, offset + numel)` exactly, in some dim order.
    pub fn is_dense(&self) -> bool {
        let mut dims: Vec<(usize, usize)> = self
            .shape
            .iter()
            .zip(&self.strides)
            .filter(|(&s, _)| s != 1)
            .map(|(&s, &st)| (st, s))
            .collect();
        dims.sort_unstable();
        let mut expected = 1;
        for (stride, size) in dims {
            if stride != expected {
                return false;
            }
            expected = expected.saturating_mul(size);
        }
        true
    }

    /// The storage index of a multi-index.
    pub fn index_offset(&self, index: &[usize]) -> usize {
        self.offset
            + index
                .iter()
                .zip(&self.strides)
                .map(|(i, s)| i * s)
                .sum::<usize>()
    }

    pub fn permute(&self, dims: &[usize]) -> Layout {
        let shape = dims.iter().map(|&d| self.shape[d]).collect();
        let strides = dims.iter().map(|&d| self.strides[d]).collect();
        Layout::new(shape, strides, self.offset)
    }

    /// Elements `start, start + step, …` (`len` of them) along `dim`.
    pub fn slice(&self, dim: usize, start: usize, len: usize, step: usize) -> Layout {
        let mut out = self.clone();
        if len > 0 {
            out.offset += start * self.strides[dim];
        }
        out.shape[dim] = len;
        // With two or more elements, (len - 1) * step < size keeps this in range; a single
        // element's stride never matters (and a huge step would overflow).
        if len > 1 {
            out.strides[dim] = self.strides[dim] * step;
        }
        out
    }

    /// Drops `dim`, fixing its index.
    pub fn select(&self, dim: usize, index: usize) -> Layout {
        let mut out = self.clone();
        out.offset += index * self.strides[dim];
        out.shape.remove(dim);
        out.strides.remove(dim);
        out
    }

    pub fn unsqueeze(&self, dim: usize) -> Layout {
        let mut out = self.clone();
        // Any stride works for a size-1 dimension; PyTorch picks size * stride of the next.
        let stride = if dim < self.ndim() {
            self.shape[dim] * self.strides[dim]
        } else {
            1
        };
        out.shape.insert(dim, 1);
        out.strides.insert(dim, stride);
        out
    }

    /// Removes the listed size-1 dimensions.
    pub fn squeeze(&self, dims: &[usize]) -> Layout {
        let mut shape = Dims::new();
        let mut strides = Dims::new();
        for d in 0..self.ndim() {
            if !(dims.contains(&d) && self.shape[d] == 1) {
                shape.push(self.shape[d]);
                strides.push(self.strides[d]);
            }
        }
        Layout::new(shape, strides, self.offset)
    }

    /// Broadcasts to `shape` (already checked compatible): new leading dims and
    /// expanded size-1 dims get stride 0.
    pub fn broadcast_to(&self, shape: &[usize]) -> Layout {
        let lead = shape.len() - self.ndim();
        let mut strides: Dims = smallvec::smallvec![0; shape.len()];
        for d in 0..self.ndim() {
            strides[lead + d] = if self.shape[d] == shape[lead + d] {
                self.strides[d]
            } else {
                0
            };
        }
        Layout::new(Dims::from_slice(shape), strides, self.offset)
    }

    /// The strides that let `shape` view the same elements, when they exist
    /// (the element count is already checked equal).
    pub fn view(&self, shape: &[usize]) -> Option<Layout> {
        let strides = view_strides(&self.shape, &self.strides, shape)?;
        Some(Layout::new(Dims::from_slice(shape), strides, self.offset))
    }

    /// The diagonal of dims `d1`, `d2` at `offset`, appended as the last dimension.
    pub fn diagonal(&self, offset: i64, d1: usize, d2: usize) -> Layout {
        let (s1, s2) = (self.shape[d1] as i64, self.shape[d2] as i64);
        let (len, start) = if offset >= 0 {
            (
                (s1.min(s2 - offset)).max(0),
                offset as usize * self.strides[d2],
            )
        } else {
            (
                (s1 + offset).min(s2).max(0),
                (-offset) as usize * self.strides[d1],
            )
        };
        let mut shape = Dims::new();
        let mut strides = Dims::new();
        for d in 0..self.ndim() {
            if d != d1 && d != d2 {
                shape.push(self.shape[d]);
                strides.push(self.strides[d]);
            }
        }
        shape.push(len as usize);
        strides.push(self.strides[d1] + self.strides[d2]);
        let offset = if len > 0 {
            self.offset + start
        } else {
            self.offset
        };
        Layout::new(shape, strides, offset)
    }
}

/// Strides for viewing (`old_shape`, `old_strides`) as `new_shape` without a copy: each run of
/// old dimensions that is contiguous in memory may be regrouped freely; `None` when a new
/// dimension would span two such runs.
fn view_strides(old_shape: &[usize], old_strides: &[usize], new_shape: &[usize]) -> Option<Dims> {
    let mut new_strides: Dims = smallvec::smallvec![0; new_shape.len()];
    if old_shape.contains(&0) || old_shape.is_empty() {
        // Nothing to preserve: any strides work, take the contiguous ones.
        return Some(contiguous_strides(new_shape));
    }
    let mut view_d = new_shape.len() as isize - 1;
    let mut chunk_stride = *old_strides.last()?;
    let mut tensor_numel = 1usize;
    let mut view_numel = 1usize;
    for tensor_d in (0..old_shape.len()).rev() {
        tensor_numel *= old_shape[tensor_d];
        let chunk_ends = tensor_d == 0
            || (old_shape[tensor_d - 1] != 1
                && old_strides[tensor_d - 1] != tensor_numel * chunk_stride);
        if chunk_ends {
            while view_d >= 0 && (view_numel < tensor_numel || new_shape[view_d as usize] == 1) {
                new_strides[view_d as usize] = view_numel * chunk_stride;
                view_numel *= new_shape[view_d as usize];
                view_d -= 1;
            }
            if view_numel != tensor_numel {
                return None;
            }
            if tensor_d > 0 {
                chunk_stride = old_strides[tensor_d - 1];
                tensor_numel = 1;
                view_numel = 1;
            }
        }
    }
    (view_d == -1).then_some(new_strides)
}

/// `torch.Size([2, 3])`: the repr of a shape.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Size(pub Dims);

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "torch.Size([{}])", join(&self.0))
    }
}

/// `2, 3`: sizes joined as Python lists print them.
pub fn join(dims: &[usize]) -> String {
    dims.iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contiguity_ignores_unit_dims() {
        let l = Layout::new(
            Dims::from_slice(&[2, 1, 3]),
            Dims::from_slice(&[3, 7, 1]),
            0,
        );
        assert!(l.is_contiguous());
        assert!(!Layout::contiguous(&[2, 3]).permute(&[1, 0]).is_contiguous());
    }

    #[test]
    fn view_of_transposed_splits_but_does_not_merge() {
        let t = Layout::contiguous(&[2, 3]).permute(&[1, 0]); // shape [3, 2], strides [1, 3]
        assert!(t.view(&[6]).is_none());
        let v = t.view(&[3, 2, 1]).unwrap();
        assert_eq!(v.strides()[..2], [1, 3]);
        let c = Layout::contiguous(&[4, 6]).view(&[2, 2, 3, 2]).unwrap();
        assert_eq!(c.strides(), &[12, 6, 2, 1]);
    }

    #[test]
    fn diagonal_layout() {
        let l = Layout::contiguous(&[3, 3]).diagonal(1, 0, 1);
        assert_eq!(
            (l.shape(), l.strides(), l.offset()),
            (&[2][..], &[4][..], 1)
        );
    }
}
