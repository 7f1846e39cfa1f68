//! Builders for the golden printing tests (tests/print_golden.rs): the same values and the
//! same conversions tests/oracle/print_cases.py uses on the PyTorch side.

use nabla::tensor::format_tensor;
use nabla::{DType, PrintOptions, Scalar, Tensor};

pub fn ints(v: &[i64]) -> Tensor {
    Tensor::from_slice(v, &[v.len()]).unwrap()
}

pub fn floats(v: &[f64]) -> Tensor {
    Tensor::from_slice(v, &[v.len()]).unwrap()
}

pub fn arange_i(n: i64, scale: i64, offset: i64) -> Tensor {
    Tensor::arange(Scalar::Int(0), Scalar::Int(n), Scalar::Int(1), None)
        .unwrap()
        .mul(scale)
        .unwrap()
        .add(offset)
        .unwrap()
}

pub fn arange_f(n: i64, scale: f64, offset: f64) -> Tensor {
    Tensor::arange(
        Scalar::Int(0),
        Scalar::Int(n),
        Scalar::Int(1),
        Some(DType::F64),
    )
    .unwrap()
    .mul(scale)
    .unwrap()
    .add(offset)
    .unwrap()
}

pub fn check(t: Tensor, post: &str, dtype: DType, shape: Option<&[usize]>, expected: &str) {
    check_with(
        t,
        post,
        dtype,
        shape,
        &PrintOptions::default(),
        &[],
        expected,
    )
}

pub fn check_with(
    t: Tensor,
    post: &str,
    dtype: DType,
    shape: Option<&[usize]>,
    opts: &PrintOptions,
    suffixes: &[&str],
    expected: &str,
) {
    let mut t = t;
    if post == "mod3" {
        t = t.remainder(3).unwrap().eq(0).unwrap();
    }
    t = t.to_dtype(dtype).unwrap();
    if let Some(s) = shape {
        let s: Vec<i64> = s.iter().map(|&d| d as i64).collect();
        t = t.reshape(&s).unwrap();
    }
    match post {
        "t" => t = t.t().unwrap(),
        "step2" => t = t.slice(1, None, None, 2).unwrap(),
        _ => {}
    }
    let suffixes: Vec<String> = suffixes.iter().map(|s| s.to_string()).collect();
    assert_eq!(format_tensor(&t, opts, &suffixes).unwrap(), expected);
}
