//! Shared fixtures for tests/ops_golden.rs: the same tensors tests/oracle/op_cases.py builds
//! in PyTorch, and `show`, which renders a result as the Python side prints it.

use nabla::{DType, Device, Nested, Result, Scalar, Size, Tensor};

pub struct Env {
    pub a: Tensor,
    pub b: Tensor,
    pub i: Tensor,
    pub j: Tensor,
    pub u: Tensor,
    pub m: Tensor,
    pub h: Tensor,
    pub d: Tensor,
    pub s: Tensor,
    pub x: Tensor,
    pub p: Tensor,
}

pub fn floats(v: &[f64]) -> Tensor {
    Tensor::from_slice(v, &[v.len()]).unwrap().float().unwrap()
}

pub fn ints(v: &[i64]) -> Tensor {
    Tensor::from_slice(v, &[v.len()]).unwrap()
}

pub fn arange(n: i64) -> Tensor {
    Tensor::arange(Scalar::Int(0), Scalar::Int(n), Scalar::Int(1), None).unwrap()
}

pub fn nested() -> Nested {
    Nested::List(vec![vec![1i64, 2].into(), vec![3i64, 4].into()])
}

pub fn ragged() -> Nested {
    Nested::List(vec![vec![1i64, 2].into(), vec![3i64].into()])
}

impl Env {
    pub fn new() -> Env {
        let a = floats(&[-1.5, 0.0, 2.25, 3.0, -0.5, 1.0])
            .view(&[2, 3])
            .unwrap();
        Env {
            b: floats(&[0.5, -2.0, 4.0]),
            i: ints(&[-7, 0, 5, 3, -2, 9]).view(&[2, 3]).unwrap(),
            j: ints(&[2, -3, 4]),
            u: ints(&[0, 200, 255]).byte().unwrap(),
            m: ints(&[1, 0, 1]).bool().unwrap(),
            h: a.half().unwrap(),
            d: a.double().unwrap(),
            s: Tensor::scalar(2.5).unwrap(),
            x: arange(12).view(&[3, 4]).unwrap(),
            p: floats(&[0.1, 0.5, 0.9]),
            a,
        }
    }
}

pub trait Show {
    fn show(&self) -> String;
}

pub fn show(v: impl Show) -> String {
    v.show()
}

impl Show for Tensor {
    fn show(&self) -> String {
        self.to_string()
    }
}
impl Show for Vec<Tensor> {
    fn show(&self) -> String {
        self.iter()
            .map(|t| t.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    }
}
impl Show for bool {
    fn show(&self) -> String {
        Scalar::Bool(*self).to_string()
    }
}
impl Show for usize {
    fn show(&self) -> String {
        self.to_string()
    }
}
impl Show for Vec<usize> {
    fn show(&self) -> String {
        format!("{self:?}")
    }
}
impl Show for Scalar {
    fn show(&self) -> String {
        self.to_string()
    }
}
impl Show for Size {
    fn show(&self) -> String {
        self.to_string()
    }
}
impl Show for DType {
    fn show(&self) -> String {
        self.to_string()
    }
}
impl Show for String {
    fn show(&self) -> String {
        self.clone()
    }
}
impl Show for Device {
    fn show(&self) -> String {
        self.repr()
    }
}
impl Show for Nested {
    fn show(&self) -> String {
        match self {
            Nested::Scalar(s) => s.to_string(),
            Nested::List(items) => {
                format!(
                    "[{}]",
                    items
                        .iter()
                        .map(|i| i.show())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
        }
    }
}

pub fn check(f: impl FnOnce() -> Result<String>, expected: &str) {
    let got = match f() {
        Ok(s) => s,
        Err(e) => format!("ERR: {e}"),
    };
    assert_eq!(got, expected);
}
