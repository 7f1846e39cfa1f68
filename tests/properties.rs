//! Property tests: promotion for every dtype pair against PyTorch's table, broadcasting
//! against a reference, and views against element-by-element indexing.

mod promotion_table;

use nabla::tensor::result_type;
use nabla::{Arg, DType, Scalar, Tensor};
use proptest::prelude::*;

fn dt(name: &str) -> DType {
    DType::from_name(name).expect("dtype name from the table")
}

#[test]
fn promotion_matches_pytorch_for_every_pair() {
    for &(a, b, promote, dd, d0, zd, mul, div) in promotion_table::PAIRS {
        let (da, db) = (dt(a), dt(b));
        assert_eq!(da.promote(db), dt(promote), "promote_types({a}, {b})");
        let ta = Tensor::ones(&[2], da).unwrap();
        let tb = Tensor::ones(&[2], db).unwrap();
        let za = Tensor::ones(&[], da).unwrap();
        let zb = Tensor::ones(&[], db).unwrap();
        let arg = |t: &Tensor| Arg::from(t.clone());
        assert_eq!(
            result_type(&[&arg(&ta), &arg(&tb)]),
            dt(dd),
            "result_type({a}[2], {b}[2])"
        );
        assert_eq!(
            result_type(&[&arg(&ta), &arg(&zb)]),
            dt(d0),
            "result_type({a}[2], {b}[])"
        );
        assert_eq!(
            result_type(&[&arg(&za), &arg(&tb)]),
            dt(zd),
            "result_type({a}[], {b}[2])"
        );
        assert_eq!(ta.mul(&tb).unwrap().dtype(), dt(mul), "{a} * {b}");
        assert_eq!(ta.div(&tb).unwrap().dtype(), dt(div), "{a} / {b}");
    }
}

#[test]
fn python_scalars_do_not_widen_their_category() {
    for &(a, with_bool, with_int, with_float) in promotion_table::SCALARS {
        let t = Tensor::ones(&[2], dt(a)).unwrap();
        assert_eq!(t.mul(true).unwrap().dtype(), dt(with_bool), "{a} * True");
        assert_eq!(t.mul(1).unwrap().dtype(), dt(with_int), "{a} * 1");
        assert_eq!(t.mul(1.5).unwrap().dtype(), dt(with_float), "{a} * 1.5");
    }
}

/// A shape and a second shape that broadcasts with it (some dims 1, some dropped).
fn broadcast_pair() -> impl Strategy<Value = (Vec<usize>, Vec<usize>)> {
    prop::collection::vec(1usize..4, 0..4).prop_flat_map(|shape| {
        let n = shape.len();
        (
            Just(shape.clone()),
            prop::collection::vec(any::<bool>(), n),
            0..=n,
        )
            .prop_map(|(shape, ones, drop)| {
                let other: Vec<usize> = shape
                    .iter()
                    .zip(&ones)
                    .map(|(&s, &one)| if one { 1 } else { s })
                    .skip(drop)
                    .collect();
                (shape, other)
            })
    })
}

fn arange_f(n: usize, shape: &[usize]) -> Tensor {
    let v: Vec<f32> = (0..n).map(|i| i as f32 * 0.5 - 3.0).collect();
    Tensor::from_slice(&v, shape).unwrap()
}

/// Every multi-index of `shape` in row-major order.
fn indices(shape: &[usize]) -> Vec<Vec<usize>> {
    let mut out = vec![vec![]];
    for &s in shape {
        out = out
            .into_iter()
            .flat_map(|p| (0..s).map(move |i| [p.clone(), vec![i]].concat()))
            .collect();
    }
    out
}

proptest! {
    #[test]
    fn broadcasting_matches_reference((sa, sb) in broadcast_pair(), swap in any::<bool>()) {
        let (sa, sb) = if swap { (sb, sa) } else { (sa, sb) };
        let a = arange_f(sa.iter().product(), &sa);
        let b = arange_f(sb.iter().product(), &sb).mul(3).unwrap();
        let c = a.add(&b).unwrap();
        let n = sa.len().max(sb.len());
        let expect_shape: Vec<usize> = (0..n).map(|i| {
            let da = if i + sa.len() >= n { sa[i + sa.len() - n] } else { 1 };
            let db = if i + sb.len() >= n { sb[i + sb.len() - n] } else { 1 };
            da.max(db)
        }).collect();
        prop_assert_eq!(c.shape(), &expect_shape[..]);
        for idx in indices(&expect_shape) {
            let pick = |s: &[usize]| -> Vec<usize> {
                s.iter().enumerate().map(|(k, &d)| if d == 1 { 0 } else { idx[k + n - s.len()] }).collect()
            };
            let want = a.get(&pick(&sa)).unwrap().to_f64() + b.get(&pick(&sb)).unwrap().to_f64();
            prop_assert_eq!(c.get(&idx).unwrap().to_f64(), want);
        }
    }

    #[test]
    fn permuted_copy_equals_indexing(shape in prop::collection::vec(1usize..5, 1..5), seed in any::<u64>()) {
        let n: usize = shape.iter().product();
        let t = arange_f(n, &shape);
        // A permutation from the seed.
        let mut perm: Vec<usize> = (0..shape.len()).collect();
        let mut s = seed;
        for i in (1..perm.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            perm.swap(i, (s >> 33) as usize % (i + 1));
        }
        let p: Vec<i64> = perm.iter().map(|&d| d as i64).collect();
        let v = t.permute(&p).unwrap();
        let c = v.contiguous().unwrap();
        prop_assert!(c.is_contiguous());
        let flat = c.to_vec::<f32>().unwrap();
        for (k, idx) in indices(v.shape()).into_iter().enumerate() {
            let mut orig = vec![0; shape.len()];
            for (j, &d) in perm.iter().enumerate() {
                orig[d] = idx[j];
            }
            prop_assert_eq!(Scalar::Float(flat[k] as f64), t.get(&orig).unwrap());
            prop_assert_eq!(v.get(&idx).unwrap(), t.get(&orig).unwrap());
        }
    }

    #[test]
    fn slicing_matches_python_ranges(len in 0usize..12, start in -15i64..15, stop in -15i64..15, step in 1i64..4) {
        let t = arange_f(len, &[len]);
        let s = t.slice(0, Some(start), Some(stop), step).unwrap();
        // Python's slice.indices for a positive step.
        let n = len as i64;
        let clamp = |v: i64| if v < 0 { (v + n).max(0) } else { v.min(n) };
        let want: Vec<f32> = (clamp(start)..clamp(stop)).step_by(step as usize).map(|i| i as f32 * 0.5 - 3.0).collect();
        prop_assert_eq!(s.to_vec::<f32>().unwrap(), want);
    }

    #[test]
    fn reshape_round_trips(shape in prop::collection::vec(1usize..5, 1..4)) {
        let n: usize = shape.iter().product();
        let t = arange_f(n, &shape).T();
        let flat = t.reshape(&[-1]).unwrap();
        let back = flat.reshape(&t.shape().iter().map(|&d| d as i64).collect::<Vec<_>>()).unwrap();
        prop_assert!(back.equal(&t).unwrap());
    }
}
