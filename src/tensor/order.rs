//! The memory order of an op's output, as PyTorch's TensorIterator picks it: outputs follow
//! the dimension order of their inputs, so `x.t() + 1` is transposed in memory like `x.t()`
//! (same `stride()`, same `is_contiguous()`, and `.view` fails on it as in PyTorch).

use crate::types::{Dims, Layout};

/// The dimensions from outermost to innermost for an output of `shape` computed from
/// operands already broadcast to it, or `None` for plain row-major order.
///
/// PyTorch's rule (`TensorIterator::reorder_dimensions`): an insertion sort of the dims,
/// innermost first, where for each pair the first operand that tells them apart decides:
/// broadcast (stride 0) dims tell nothing, the smaller stride goes inside, and on equal
/// strides the smaller size goes inside; a pair no operand tells apart keeps its order.
pub fn output_order(shape: &[usize], layouts: &[&Layout]) -> Option<Vec<usize>> {
    let nd = shape.len();
    if nd < 2 || layouts.iter().all(|l| l.is_contiguous()) {
        return None;
    }
    // 1: swap (dim0 should be outside dim1), -1: keep, 0: undecided.
    let should_swap = |d0: usize, d1: usize| -> i32 {
        for l in layouts {
            let (s0, s1) = (l.strides()[d0], l.strides()[d1]);
            if s0 == 0 || s1 == 0 {
                continue;
            }
            if s0 < s1 {
                return -1;
            }
            if s0 > s1 {
                return 1;
            }
            if shape[d0] > shape[d1] {
                return 1;
            }
        }
        0
    };
    // perm[0] is the innermost dim, as in TensorIterator.
    let mut perm: Vec<usize> = (0..nd).rev().collect();
    for i in 1..nd {
        let mut d1 = i;
        for d0 in (0..i).rev() {
            match should_swap(perm[d0], perm[d1]) {
                c if c > 0 => {
                    perm.swap(d0, d1);
                    d1 = d0;
                }
                c if c < 0 => break,
                _ => {}
            }
        }
    }
    perm.reverse();
    if perm.iter().enumerate().all(|(i, &d)| i == d) {
        None
    } else {
        Some(perm)
    }
}

/// Layouts reordered so that `order` (outermost first) becomes row-major.
pub fn permute_all<const N: usize>(layouts: [&Layout; N], order: &[usize]) -> [Layout; N] {
    layouts.map(|l| l.permute(order))
}

/// The output's layout: contiguous in `order`, presented in the original dim order.
pub fn unpermute(shape: &[usize], order: &[usize]) -> Layout {
    let permuted: Dims = order.iter().map(|&d| shape[d]).collect();
    let mut inverse = vec![0; order.len()];
    for (i, &d) in order.iter().enumerate() {
        inverse[d] = i;
    }
    Layout::contiguous(&permuted).permute(&inverse)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_a_transposed_input() {
        let t = Layout::contiguous(&[2, 3]).permute(&[1, 0]); // shape [3, 2], strides [1, 3]
        let order = output_order(&[3, 2], &[&t]).unwrap();
        assert_eq!(order, vec![1, 0]);
        assert_eq!(unpermute(&[3, 2], &order).strides(), &[1, 3]);
        // a contiguous operand first decides for row-major order
        let c = Layout::contiguous(&[3, 2]);
        assert_eq!(output_order(&[3, 2], &[&c, &t]), None);
    }
}
