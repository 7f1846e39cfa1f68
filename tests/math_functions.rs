//! Float functions against PyTorch's results, bit pattern by bit pattern, within a few ULP
//! (PyTorch's vectorised kernels and libm round differently in the last place; both are
//! within about one ULP of the exact value).

mod math_table;

use nabla::{DType, Tensor};

fn ulps32(a: f32, b: f32) -> u32 {
    if a == b || (a.is_nan() && b.is_nan()) {
        return 0;
    }
    let key = |x: f32| {
        let i = x.to_bits() as i32;
        if i < 0 {
            i32::MIN - i
        } else {
            i
        }
    };
    (key(a) as i64 - key(b) as i64)
        .unsigned_abs()
        .min(u32::MAX as u64) as u32
}

fn ulps64(a: f64, b: f64) -> u64 {
    if a == b || (a.is_nan() && b.is_nan()) {
        return 0;
    }
    let key = |x: f64| {
        let i = x.to_bits() as i64;
        if i < 0 {
            i64::MIN - i
        } else {
            i
        }
    };
    (key(a) as i128 - key(b) as i128)
        .unsigned_abs()
        .min(u64::MAX as u128) as u64
}

fn apply(op: &str, t: &Tensor) -> Tensor {
    match op {
        "exp" => t.exp(),
        "exp2" => t.exp2(),
        "expm1" => t.expm1(),
        "log" => t.log(),
        "log2" => t.log2(),
        "log10" => t.log10(),
        "log1p" => t.log1p(),
        "sqrt" => t.sqrt(),
        "rsqrt" => t.rsqrt(),
        "sin" => t.sin(),
        "cos" => t.cos(),
        "tan" => t.tan(),
        "asin" => t.asin(),
        "acos" => t.acos(),
        "atan" => t.atan(),
        "sinh" => t.sinh(),
        "cosh" => t.cosh(),
        "tanh" => t.tanh(),
        "erf" => t.erf(),
        "sigmoid" => t.sigmoid(),
        other => panic!("no op {other}"),
    }
    .unwrap()
}

#[test]
fn float_functions_match_pytorch_within_a_few_ulps() {
    let mut worst = Vec::new();
    for &(op, x, y32, y64) in math_table::CASES {
        let xs: Vec<f32> = x.iter().map(|&b| f32::from_bits(b)).collect();
        let t32 = Tensor::from_slice(&xs, &[xs.len()]).unwrap();
        let got32 = apply(op, &t32).to_vec::<f32>().unwrap();
        let got64 = apply(op, &t32.to_dtype(DType::F64).unwrap())
            .to_vec::<f64>()
            .unwrap();
        let mut max32 = 0;
        let mut max64 = 0;
        for i in 0..xs.len() {
            let u = ulps32(got32[i], f32::from_bits(y32[i]));
            assert!(
                u <= 2,
                "{op}({}) float32: nabla {} PyTorch {} ({u} ulp)",
                xs[i],
                got32[i],
                f32::from_bits(y32[i])
            );
            max32 = max32.max(u);
            let u = ulps64(got64[i], f64::from_bits(y64[i]));
            assert!(
                u <= 2,
                "{op}({}) float64: nabla {} PyTorch {} ({u} ulp)",
                xs[i],
                got64[i],
                f64::from_bits(y64[i])
            );
            max64 = max64.max(u);
        }
        worst.push(format!("{op}: {max32}/{max64}"));
    }
    println!("max ulp float32/float64: {}", worst.join(", "));
}
