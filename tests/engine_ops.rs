//! Engine II against plain reference loops on generated shapes and data: matmul in all its
//! forms (strided and broadcast operands too), reductions over arbitrary dims, softmax,
//! sort stability, advanced indexing, convolution, and the dense solvers.

use nabla::tensor::{ConvOpts, Index, Padding};
use nabla::{DType, Generator, Tensor};
use proptest::prelude::*;

fn randn(shape: &[usize], seed: u64) -> Tensor {
    // Test data; the shapes are small and valid.
    Tensor::randn(shape, DType::F64, &mut Generator::new(seed)).unwrap()
}

fn vals(t: &Tensor) -> Vec<f64> {
    t.contiguous()
        .unwrap()
        .to_dtype(DType::F64)
        .unwrap()
        .to_vec::<f64>()
        .unwrap()
}

fn close(a: &[f64], b: &[f64], tol: f64) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| (x - y).abs() <= tol * (1.0 + y.abs()))
}

/// `a @ b` for row-major `[m, k]` and `[k, n]` data.
fn naive_mm(a: &[f64], b: &[f64], m: usize, k: usize, n: usize) -> Vec<f64> {
    let mut out = vec![0.0; m * n];
    for i in 0..m {
        for j in 0..n {
            out[i * n + j] = (0..k).map(|p| a[i * k + p] * b[p * n + j]).sum();
        }
    }
    out
}

/// Products big enough to be split into one block of rows or columns per thread
/// (src/backend/cpu/matmul.rs), with plain and transposed operands, in both float types.
#[test]
fn split_matmul_matches_loops() {
    for (m, k, n) in [(130, 300, 70), (40, 300, 200), (128, 784, 256)] {
        for (ta, tb) in [(false, false), (false, true), (true, false), (true, true)] {
            let a = if ta {
                randn(&[k, m], 1).t().unwrap()
            } else {
                randn(&[m, k], 1)
            };
            let b = if tb {
                randn(&[n, k], 2).t().unwrap()
            } else {
                randn(&[k, n], 2)
            };
            let want = naive_mm(&vals(&a), &vals(&b), m, k, n);
            assert!(close(&vals(&a.matmul(&b).unwrap()), &want, 1e-12));
            let (a, b) = (a.float().unwrap(), b.float().unwrap());
            assert!(close(&vals(&a.matmul(&b).unwrap()), &want, 1e-4));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn matmul_matches_loops(m in 1usize..40, k in 0usize..40, n in 1usize..40, seed in 0u64..1000, transposed: bool, f32_: bool) {
        let a = randn(&[m, k], seed);
        let b = if transposed { randn(&[n, k], seed + 1).t().unwrap() } else { randn(&[k, n], seed + 1) };
        let want = naive_mm(&vals(&a), &vals(&b), m, k, n);
        let (a2, b2) = if f32_ { (a.float().unwrap(), b.float().unwrap()) } else { (a, b) };
        let got = vals(&a2.matmul(&b2).unwrap());
        let tol = if f32_ { 1e-4 } else { 1e-12 };
        prop_assert!(close(&got, &want, tol));
    }

    #[test]
    fn batched_matmul_broadcasts(b1 in 1usize..4, m in 1usize..6, k in 1usize..6, n in 1usize..6, seed in 0u64..1000) {
        // [b1, 1, m, k] @ [3, k, n] -> [b1, 3, m, n]
        let a = randn(&[b1, 1, m, k], seed);
        let b = randn(&[3, k, n], seed + 7);
        let out = a.matmul(&b).unwrap();
        prop_assert_eq!(out.shape(), &[b1, 3, m, n]);
        let (av, bv, ov) = (vals(&a), vals(&b), vals(&out));
        for i in 0..b1 {
            for j in 0..3 {
                let want = naive_mm(&av[i * m * k..(i + 1) * m * k], &bv[j * k * n..(j + 1) * k * n], m, k, n);
                let at = (i * 3 + j) * m * n;
                prop_assert!(close(&ov[at..at + m * n], &want, 1e-12));
            }
        }
        // Integers multiply exactly.
        let ai = a.mul(10).unwrap().round().unwrap().to_dtype(DType::I64).unwrap();
        let bi = b.mul(10).unwrap().round().unwrap().to_dtype(DType::I64).unwrap();
        let exact = ai.to_dtype(DType::F64).unwrap().matmul(&bi.to_dtype(DType::F64).unwrap()).unwrap();
        prop_assert_eq!(vals(&ai.matmul(&bi).unwrap()), vals(&exact));
    }

    /// Reductions over leading dims of tensors wide enough for the column path
    /// (src/backend/cpu/reduce.rs): contiguous, sliced and integer inputs.
    #[test]
    fn leading_dim_reductions_match_loops(d0 in 1usize..12, d1 in 1usize..12, d2 in 8usize..40, both: bool, sliced: bool, seed in 0u64..1000) {
        let full = randn(&[d0, d1, d2 + 3], seed);
        let x = if sliced { full.narrow(2, 1, d2).unwrap() } else { full.narrow(2, 0, d2).unwrap().contiguous().unwrap() };
        let xv = vals(&x);
        let dims: &[i64] = if both { &[0, 1] } else { &[0] };
        let groups = if both { d0 * d1 } else { d0 };
        let cols = if both { d2 } else { d1 * d2 };
        let col = |c: usize| -> Vec<f64> { (0..groups).map(|g| xv[g * cols + c]).collect() };
        let sum = vals(&x.sum(Some(dims), false, None).unwrap());
        let amax = vals(&x.amax(Some(dims), false).unwrap());
        let amin = vals(&x.amin(Some(dims), false).unwrap());
        let xi = x.mul(10).unwrap().to_dtype(DType::I64).unwrap();
        let isum = xi.sum(Some(dims), false, None).unwrap().to_vec::<i64>().unwrap();
        let iv = xi.contiguous().unwrap().to_vec::<i64>().unwrap();
        for c in 0..cols {
            let items = col(c);
            prop_assert!((sum[c] - items.iter().sum::<f64>()).abs() < 1e-12);
            prop_assert_eq!(amax[c], items.iter().cloned().fold(f64::NEG_INFINITY, f64::max));
            prop_assert_eq!(amin[c], items.iter().cloned().fold(f64::INFINITY, f64::min));
            prop_assert_eq!(isum[c], (0..groups).map(|g| iv[g * cols + c]).sum::<i64>());
        }
    }

    #[test]
    fn reductions_match_loops(d0 in 1usize..5, d1 in 1usize..5, d2 in 1usize..5, dim in 0i64..3, seed in 0u64..1000, keep: bool) {
        let x = randn(&[d0, d1, d2], seed).permute(&[2, 0, 1]).unwrap(); // strided input
        let shape = x.shape().to_vec();
        let xv = vals(&x);
        let d = dim as usize;
        let at = |i: [usize; 3]| xv[(i[0] * shape[1] + i[1]) * shape[2] + i[2]];
        let sum = x.sum(Some(&[dim]), keep, None).unwrap();
        let amax = x.amax(Some(&[dim]), keep).unwrap();
        let (mx, arg) = x.max_dim(dim, keep).unwrap();
        let mut kept = shape.clone();
        kept[d] = 1;
        let want_shape = if keep { kept.clone() } else { [&shape[..d], &shape[d + 1..]].concat() };
        prop_assert_eq!(sum.shape(), want_shape.as_slice());
        let (sv, av, mv, iv) = (vals(&sum), vals(&amax), vals(&mx), vals(&arg));
        let mut o = 0;
        for i in 0..kept[0] {
            for j in 0..kept[1] {
                for l in 0..kept[2] {
                    let items: Vec<f64> = (0..shape[d]).map(|r| { let mut ix = [i, j, l]; ix[d] = r; at(ix) }).collect();
                    let s: f64 = items.iter().sum();
                    let m = items.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
                    prop_assert!((sv[o] - s).abs() < 1e-12);
                    prop_assert_eq!(av[o], m);
                    prop_assert_eq!(mv[o], m);
                    prop_assert_eq!(items[iv[o] as usize], m);
                    o += 1;
                }
            }
        }
        // var agrees with its definition (Bessel-corrected).
        let v = vals(&x.var(None, 1.0, false).unwrap())[0];
        let mean = xv.iter().sum::<f64>() / xv.len() as f64;
        let want = xv.iter().map(|a| (a - mean).powi(2)).sum::<f64>() / (xv.len() as f64 - 1.0);
        prop_assert!(xv.len() < 2 || (v - want).abs() < 1e-9 * (1.0 + want));
    }

    #[test]
    fn softmax_is_normalised_and_stable(rows in 1usize..6, cols in 1usize..300, scale in 1.0f64..1000.0, seed in 0u64..1000) {
        for dtype in [DType::F32, DType::F64] {
            let x = randn(&[rows, cols], seed).mul(scale).unwrap().to_dtype(dtype).unwrap();
            let s = x.softmax(-1, None).unwrap();
            let sums = vals(&s.sum(Some(&[-1]), false, None).unwrap());
            prop_assert!(sums.iter().all(|v| (v - 1.0).abs() < 1e-5));
            let ls = vals(&x.log_softmax(-1, None).unwrap());
            let want = vals(&x.sub(x.logsumexp(Some(&[-1]), true).unwrap()).unwrap());
            // Both sides round at the inputs' magnitude: near 0 (the row's maximum) an
            // absolute error of a few float32 ulps of max|x| remains.
            let xmax = vals(&x).iter().fold(0f64, |m, v| m.max(v.abs()));
            let ulps = if dtype == DType::F32 { 8.0 * f32::EPSILON as f64 * xmax } else { 0.0 };
            prop_assert!(ls.iter().zip(&want).all(|(a, b)| (a - b).abs() <= 1e-4 * (1.0 + b.abs()) + ulps));
            // Along dim 0 (a strided row) the same as along -1 of the transpose.
            let t0 = vals(&x.softmax(0, None).unwrap().t().unwrap());
            let t1 = vals(&x.t().unwrap().contiguous().unwrap().softmax(-1, None).unwrap());
            prop_assert!(close(&t0, &t1, 1e-6));
        }
    }

    #[test]
    fn sort_is_stable_and_ordered(n in 1usize..60, seed in 0u64..1000, desc: bool) {
        // Few distinct values, so ties are common.
        let x = randn(&[n], seed).mul(2).unwrap().round().unwrap();
        let (v, i) = x.sort(0, desc).unwrap();
        let (vv, iv, xv) = (vals(&v), vals(&i), vals(&x));
        for k in 1..n {
            let ordered = if desc { vv[k - 1] >= vv[k] } else { vv[k - 1] <= vv[k] };
            prop_assert!(ordered);
            if vv[k - 1] == vv[k] {
                prop_assert!(iv[k - 1] < iv[k], "equal values keep their order");
            }
        }
        for k in 0..n {
            prop_assert_eq!(xv[iv[k] as usize], vv[k]);
        }
    }

    #[test]
    fn advanced_indexing_reads_and_writes(r in 1usize..6, c in 1usize..6, picks in proptest::collection::vec((0usize..100, 0usize..100), 1..8), seed in 0u64..1000) {
        let x = randn(&[r, c], seed);
        let rows: Vec<i64> = picks.iter().map(|p| (p.0 % r) as i64).collect();
        let cols: Vec<i64> = picks.iter().map(|p| (p.1 % c) as i64 - c as i64).collect(); // negative
        let (ri, ci) = (Tensor::from_slice(&rows, &[rows.len()]).unwrap(), Tensor::from_slice(&cols, &[cols.len()]).unwrap());
        let got = vals(&x.index(&[Index::Tensor(ri.clone()), Index::Tensor(ci.clone())]).unwrap());
        let xv = vals(&x);
        for (k, (&a, &b)) in rows.iter().zip(&cols).enumerate() {
            prop_assert_eq!(got[k], xv[a as usize * c + (b + c as i64) as usize]);
        }
        // Writing then reading the same positions gives the written value.
        let y = x.clone_data().unwrap();
        y.index_put_(&[Index::Tensor(ri.clone()), Index::Tensor(ci.clone())], 7.5.into(), false).unwrap();
        prop_assert!(vals(&y.index(&[Index::Tensor(ri), Index::Tensor(ci)]).unwrap()).iter().all(|&v| v == 7.5));
        // A mask selects exactly the elements it marks, in row-major order.
        let mask = x.gt(0.0).unwrap();
        let sel = vals(&x.index(&[Index::Tensor(mask)]).unwrap());
        prop_assert_eq!(sel, xv.iter().cloned().filter(|&v| v > 0.0).collect::<Vec<_>>());
    }

    #[test]
    fn conv2d_matches_direct_loops(n in 1usize..3, cg in 1usize..3, groups in 1usize..3, og in 1usize..3, h in 3usize..8, w in 3usize..8, k in 1usize..4, stride in 1usize..3, pad in 0usize..2, dil in 1usize..3, seed in 0u64..1000) {
        let (c, o) = (cg * groups, og * groups);
        prop_assume!(h + 2 * pad > dil * (k - 1) && w + 2 * pad > dil * (k - 1));
        // A slice of a bigger batch: its storage starts before it and goes on after it.
        let x = randn(&[n + 2, c, h, w], seed).narrow(0, 1, n).unwrap();
        let wt = randn(&[o, cg, k, k], seed + 3);
        let bias = randn(&[o], seed + 5);
        let opts = ConvOpts { stride: [stride, stride], padding: Padding::Explicit([pad, pad]), dilation: [dil, dil], groups };
        let out = x.conv2d(&wt, Some(&bias), &opts).unwrap();
        let (oh, ow) = (out.shape()[2], out.shape()[3]);
        let (xv, wv, bv, ov) = (vals(&x), vals(&wt), vals(&bias), vals(&out));
        for b in 0..n { for oc in 0..o { for i in 0..oh { for j in 0..ow {
            let g = oc / og;
            let mut s = bv[oc];
            for ci in 0..cg { for p in 0..k { for q in 0..k {
                let (y, z) = ((i * stride + p * dil) as i64 - pad as i64, (j * stride + q * dil) as i64 - pad as i64);
                if y >= 0 && z >= 0 && (y as usize) < h && (z as usize) < w {
                    let ch = g * cg + ci;
                    s += xv[((b * c + ch) * h + y as usize) * w + z as usize] * wv[((oc * cg + ci) * k + p) * k + q];
                }
            }}}
            prop_assert!((ov[((b * o + oc) * oh + i) * ow + j] - s).abs() < 1e-9);
        }}}}
    }

    #[test]
    fn solvers_invert(n in 1usize..6, seed in 0u64..1000) {
        // Diagonally dominant, so well conditioned.
        let a = randn(&[n, n], seed).add(Tensor::eye(n, None, DType::F64).unwrap().mul(n as f64 + 2.0).unwrap()).unwrap();
        let inv = a.inv().unwrap();
        let eye = vals(&Tensor::eye(n, None, DType::F64).unwrap());
        prop_assert!(close(&vals(&a.matmul(&inv).unwrap()), &eye, 1e-10));
        let b = randn(&[n, 2], seed + 9);
        let x = a.solve(&b).unwrap();
        prop_assert!(close(&vals(&a.matmul(&x).unwrap()), &vals(&b), 1e-10));
        // det(A) * det(inv A) = 1, and det of a triangular matrix is its diagonal's product.
        let d = vals(&a.det().unwrap())[0] * vals(&inv.det().unwrap())[0];
        prop_assert!((d - 1.0).abs() < 1e-9);
        let tri = a.triu(0).unwrap();
        let diag: f64 = vals(&tri.diagonal(0, 0, 1).unwrap()).iter().product();
        prop_assert!((vals(&tri.det().unwrap())[0] - diag).abs() < 1e-9 * (1.0 + diag.abs()));
    }

    #[test]
    fn einsum_agrees_with_matmul(b in 1usize..3, m in 1usize..5, k in 1usize..5, n in 1usize..5, seed in 0u64..1000) {
        let x = randn(&[b, m, k], seed);
        let y = randn(&[b, k, n], seed + 1);
        let e = Tensor::einsum("bij,bjk->bik", &[x.clone(), y.clone()]).unwrap();
        prop_assert!(close(&vals(&e), &vals(&x.matmul(&y).unwrap()), 1e-12));
        let tr = Tensor::einsum("bii->b", &[x.narrow(2, 0, m.min(k)).unwrap().narrow(1, 0, m.min(k)).unwrap()]).unwrap();
        prop_assert_eq!(tr.shape(), &[b]);
    }
}

/// Pooling and unfold read a slice of a bigger tensor, not the storage it lives in.
#[test]
fn pooling_and_unfold_read_slices_as_their_own_values() {
    use nabla::tensor::PoolOpts;
    let big = randn(&[4, 2, 6, 6], 7);
    for x in [
        big.narrow(0, 1, 2).unwrap(),
        big.narrow(0, 0, 1).unwrap(),
        big.narrow(0, 3, 1).unwrap(),
    ] {
        let copy = x.clone_data().unwrap();
        let o = PoolOpts {
            kernel: [2, 2],
            stride: [2, 2],
            padding: [0, 0],
            dilation: [1, 1],
            ceil_mode: false,
        };
        assert_eq!(
            vals(&x.max_pool2d(&o).unwrap().0),
            vals(&copy.max_pool2d(&o).unwrap().0)
        );
        assert_eq!(
            vals(&x.avg_pool2d(&o, true, None).unwrap()),
            vals(&copy.avg_pool2d(&o, true, None).unwrap())
        );
        let u = |t: &Tensor| vals(&t.unfold_im2col([3, 3], [1, 1], [1, 1], [1, 1]).unwrap());
        assert_eq!(u(&x), u(&copy));
    }
}
