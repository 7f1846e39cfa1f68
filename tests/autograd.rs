//! Autograd: analytic gradients against central finite differences in float64 for every
//! recorded op kind (the list comes from `GradFn::VARIANTS`, so a new op without a check
//! fails), and a training loop whose live graph nodes stay flat.

use nabla::autograd::{self, GradFn};
use nabla::backend::PutOp;
use nabla::tensor::{ConvOpts, Index, PoolOpts};
use nabla::{Arg, DType, Device, Scalar, Tensor};

type Op = fn(&[Tensor]) -> nabla::Result<Tensor>;

fn leaf(shape: &[usize], seed: u64) -> Tensor {
    let n: usize = shape.iter().product();
    // Distinct, well-separated values (no ties, no zeros, away from kinks).
    let v: Vec<f64> = (0..n)
        .map(|i| {
            let k = (i as u64 * 7 + seed * 13) % 17;
            (k as f64 - 8.3) / 5.0
        })
        .collect();
    Tensor::from_slice(&v, shape).unwrap() // test input: the shape matches the data
}

fn positive(shape: &[usize], seed: u64) -> Tensor {
    leaf(shape, seed).abs().unwrap().add(0.5).unwrap() // test input: elementwise ops on f64
}

/// Checks d(sum(op(x) * w))/dx against central differences for every input.
fn gradcheck(name: &str, inputs: &[Tensor], op: Op) {
    let inputs: Vec<Tensor> = inputs
        .iter()
        .map(|t| {
            let t = t.to_dtype(DType::F64).unwrap(); // test input: float conversion
            t.set_requires_grad(true).unwrap(); // test input: a float leaf
            t
        })
        .collect();
    let out = op(&inputs).unwrap_or_else(|e| panic!("{name}: {e}")); // a failing op fails the test
    let w = leaf(out.shape(), 3);
    let loss = out.mul(&w).unwrap().sum_all().unwrap(); // test: plain ops
    let mut no_hooks = |_: u64, _: &Tensor| Ok(None);
    let grads = autograd::grad(&[loss], &inputs, &[None], false, false, true, &mut no_hooks)
        .unwrap_or_else(|e| panic!("{name}: backward failed: {e}"));
    let eps = 1e-6;
    for (i, x) in inputs.iter().enumerate() {
        let analytic: Vec<f64> = match &grads[i] {
            Some(g) => g.to_vec().unwrap(), // test: f64 gradient
            None => vec![0.0; x.numel()],
        };
        let base: Vec<f64> = x.to_vec().unwrap(); // test: f64 input
        for j in 0..base.len() {
            let f = |d: f64| -> f64 {
                let mut v = base.clone();
                v[j] += d;
                let mut xs: Vec<Tensor> = inputs.iter().map(|t| t.detach()).collect();
                xs[i] = Tensor::from_slice(&v, x.shape()).unwrap(); // test: same shape
                autograd::no_grad(|| {
                    op(&xs)
                        .unwrap()
                        .mul(&w)
                        .unwrap()
                        .sum_all()
                        .unwrap()
                        .item()
                        .unwrap()
                        .to_f64()
                }) // test: op ran above
            };
            // A float32 round trip makes differences of 1e-6 coarse: a wider step there.
            let eps = if name.contains("f32") { 1e-2 } else { eps };
            let numeric = (f(eps) - f(-eps)) / (2.0 * eps);
            let tol = if name.contains("f32") { 1e-4 } else { 1e-5 };
            assert!(
                (numeric - analytic[j]).abs() <= tol * (1.0 + numeric.abs()),
                "{name}: input {i} element {j}: analytic {} vs numeric {numeric}",
                analytic[j]
            );
        }
    }
}

/// Every recorded op kind, with at least one op that records it.
fn table() -> Vec<(&'static str, &'static str, Vec<Tensor>, Op)> {
    let a = || leaf(&[2, 3], 1);
    let b = || leaf(&[2, 3], 2);
    let p = || positive(&[2, 3], 1);
    vec![
        ("Unary", "exp", vec![a()], |x| x[0].exp()),
        ("Unary", "log", vec![p()], |x| x[0].log()),
        ("Unary", "tanh", vec![a()], |x| x[0].tanh()),
        ("Unary", "sqrt", vec![p()], |x| x[0].sqrt()),
        ("Unary", "sin", vec![a()], |x| x[0].sin()),
        ("Unary", "erf", vec![a()], |x| x[0].erf()),
        ("Binary", "mul broadcast", vec![a(), leaf(&[3], 4)], |x| {
            x[0].mul(&x[1])
        }),
        ("Binary", "div", vec![a(), p()], |x| x[0].div(&x[1])),
        ("Binary", "pow tensor", vec![p(), b()], |x| x[0].pow(&x[1])),
        ("Binary", "pow scalar", vec![a()], |x| x[0].pow(3)),
        ("Binary", "sub", vec![a(), b()], |x| x[0].sub(&x[1])),
        ("Binary", "atan2", vec![a(), p()], |x| x[0].atan2(&x[1])),
        ("Binary", "maximum", vec![a(), b()], |x| x[0].maximum(&x[1])),
        ("Sign", "sign", vec![a()], |x| x[0].sign()),
        ("Reciprocal", "reciprocal", vec![p()], |x| x[0].reciprocal()),
        ("Sigmoid", "sigmoid", vec![a()], |x| x[0].sigmoid()),
        ("Relu", "relu", vec![a()], |x| x[0].relu()),
        ("Gelu", "gelu", vec![a()], |x| x[0].gelu("none")),
        ("Gelu", "gelu tanh", vec![a()], |x| x[0].gelu("tanh")),
        ("Silu", "silu", vec![a()], |x| x[0].silu()),
        ("Softplus", "softplus", vec![a()], |x| {
            x[0].softplus(1.0, 20.0)
        }),
        ("Elu", "elu", vec![a()], |x| x[0].elu(1.0)),
        ("LeakyRelu", "leaky_relu", vec![a()], |x| {
            x[0].leaky_relu(0.1)
        }),
        ("Clamp", "clamp", vec![a()], |x| {
            x[0].clamp(Some((-0.5).into()), Some(0.5.into()))
        }),
        ("Clamp", "clamp tensor", vec![a(), b()], |x| {
            x[0].clamp(Some((&x[1]).into()), None)
        }),
        ("Where", "where", vec![a(), b()], |x| {
            Tensor::where_(&x[0].gt(0)?, &x[0], &x[1])
        }),
        ("MaskedFill", "masked_fill", vec![a()], |x| {
            x[0].masked_fill(&x[0].gt(0)?, 2.0)
        }),
        ("ToCopy", "to f32 and back", vec![a()], |x| {
            x[0].to_dtype(DType::F32)?.to_dtype(DType::F64)?.mul(2.0)
        }),
        // Recorded only where a GPU can be used (elsewhere the move is the identity and
        // this checks the CPU path); the device suite's `moved_grad` checks it too.
        ("ToDevice", "to cuda and back", vec![a()], |x| {
            let gpu = nabla::backend::cuda_availability().is_ok();
            let there = if gpu { Device::Cuda(0) } else { Device::Cpu };
            x[0].to_device(there)?.mul(2.0)?.to_device(Device::Cpu)
        }),
        ("Clone", "clone", vec![a()], |x| x[0].clone_data()),
        ("Sum", "sum dim", vec![a()], |x| {
            x[0].sum(Some(&[1]), false, None)
        }),
        ("Mean", "mean keepdim", vec![a()], |x| {
            x[0].mean(Some(&[0]), true, None)
        }),
        ("Prod", "prod dim", vec![a()], |x| {
            x[0].prod(Some(&[1]), false, None)
        }),
        ("Prod", "prod all", vec![a()], |x| {
            x[0].prod(None, false, None)
        }),
        ("Extreme", "amax", vec![a()], |x| {
            x[0].amax(Some(&[1]), false)
        }),
        ("Extreme", "max all", vec![a()], |x| x[0].max_all()),
        ("Picked", "max dim", vec![a()], |x| {
            Ok(x[0].max_dim(1, false)?.0)
        }),
        ("Picked", "sort", vec![a()], |x| Ok(x[0].sort(1, true)?.0)),
        ("Var", "var", vec![a()], |x| {
            x[0].var(Some(&[1]), 1.0, false)
        }),
        ("Std", "std", vec![a()], |x| x[0].std(None, 1.0, false)),
        ("Norm", "norm 2", vec![a()], |x| {
            x[0].norm(2.0, Some(&[1]), false)
        }),
        ("Norm", "norm 3", vec![a()], |x| x[0].norm(3.0, None, false)),
        ("Logsumexp", "logsumexp", vec![a()], |x| {
            x[0].logsumexp(Some(&[1]), true)
        }),
        ("Cumsum", "cumsum", vec![a()], |x| x[0].cumsum(1, None)),
        ("Softmax", "softmax", vec![a()], |x| x[0].softmax(1, None)),
        ("LogSoftmax", "log_softmax", vec![a()], |x| {
            x[0].log_softmax(0, None)
        }),
        ("View", "reshape", vec![a()], |x| x[0].reshape(&[3, 2])),
        ("View", "reshape of transpose", vec![a()], |x| {
            x[0].t()?.reshape(&[6])
        }),
        ("Permute", "permute", vec![a()], |x| x[0].permute(&[1, 0])),
        ("Transpose", "t", vec![a()], |x| x[0].t()),
        ("Expand", "expand", vec![leaf(&[1, 3], 5)], |x| {
            x[0].expand(&[4, 3])
        }),
        ("Squeeze", "squeeze", vec![leaf(&[1, 3], 5)], |x| {
            x[0].squeeze(None)
        }),
        ("Unsqueeze", "unsqueeze", vec![a()], |x| x[0].unsqueeze(1)),
        ("Select", "select", vec![a()], |x| x[0].select(1, 2)),
        ("Slice", "slice step", vec![leaf(&[7], 2)], |x| {
            x[0].slice(0, Some(1), None, 2)
        }),
        ("Diagonal", "diagonal", vec![leaf(&[3, 3], 1)], |x| {
            x[0].diagonal(0, 0, 1)
        }),
        ("Split", "split", vec![leaf(&[5, 2], 1)], |x| {
            let p = x[0].split(2, 0)?;
            p[0].add(&p[2].sum_all()?)
        }),
        ("Split", "unbind", vec![a()], |x| {
            let p = x[0].unbind(1)?;
            p[0].mul(&p[1])
        }),
        ("Take", "gather", vec![a()], |x| {
            x[0].gather(1, &Tensor::from_slice(&[0i64, 0, 2, 1, 1, 1], &[2, 3])?)
        }),
        ("Take", "advanced index", vec![a()], |x| {
            x[0].index(&[Index::Tensor(Tensor::from_slice(&[1i64, 0, 1], &[3])?)])
        }),
        ("Untake", "select twice", vec![a()], |x| {
            x[0].select(0, 1)?.exp()
        }),
        ("Mat", "mm", vec![a(), leaf(&[3, 4], 2)], |x| x[0].mm(&x[1])),
        (
            "Mat",
            "mm of transposed operands",
            vec![leaf(&[3, 2], 1), leaf(&[4, 3], 2)],
            |x| x[0].t()?.mm(&x[1].t()?),
        ),
        (
            "Mat",
            "matmul batched",
            vec![leaf(&[2, 2, 3], 1), leaf(&[3, 2], 2)],
            |x| x[0].matmul(&x[1]),
        ),
        (
            "Mat",
            "bmm",
            vec![leaf(&[2, 2, 3], 1), leaf(&[2, 3, 2], 2)],
            |x| x[0].bmm(&x[1]),
        ),
        ("Mat", "mv", vec![a(), leaf(&[3], 2)], |x| x[0].mv(&x[1])),
        ("Mat", "dot", vec![leaf(&[3], 1), leaf(&[3], 2)], |x| {
            x[0].dot(&x[1])
        }),
        (
            "Addmm",
            "addmm",
            vec![leaf(&[2, 4], 3), a(), leaf(&[3, 4], 2)],
            |x| x[0].addmm(&x[1], &x[2], 0.5.into(), 2.0.into()),
        ),
        (
            "Addmm",
            "addmm of transposed operands (F.linear)",
            vec![leaf(&[4], 3), leaf(&[3, 2], 1), leaf(&[4, 3], 2)],
            |x| x[0].addmm(&x[1].t()?, &x[2].t()?, 1.into(), 1.into()),
        ),
        (
            "Conv",
            "conv2d",
            vec![
                leaf(&[1, 2, 4, 4], 1),
                leaf(&[3, 2, 2, 2], 2),
                leaf(&[3], 3),
            ],
            |x| {
                x[0].conv2d(
                    &x[1],
                    Some(&x[2]),
                    &ConvOpts {
                        stride: [2, 1],
                        padding: nabla::tensor::Padding::Explicit([1, 0]),
                        ..ConvOpts::default()
                    },
                )
            },
        ),
        (
            "Conv",
            "conv2d groups",
            vec![leaf(&[1, 4, 3, 3], 1), leaf(&[2, 2, 2, 2], 2)],
            |x| {
                x[0].conv2d(
                    &x[1],
                    None,
                    &ConvOpts {
                        groups: 2,
                        ..ConvOpts::default()
                    },
                )
            },
        ),
        ("Take", "max_pool2d", vec![leaf(&[1, 1, 4, 4], 1)], |x| {
            Ok(x[0]
                .max_pool2d(&nabla::tensor::PoolOpts {
                    kernel: [2, 2],
                    stride: [2, 2],
                    padding: [0, 0],
                    dilation: [1, 1],
                    ceil_mode: false,
                })?
                .0)
        }),
        ("Cat", "cat", vec![a(), leaf(&[1, 3], 2)], |x| {
            Tensor::cat(&[x[0].clone(), x[1].clone()], 0)
        }),
        ("Stack", "stack", vec![a(), b()], |x| {
            Tensor::stack(&[x[0].clone(), x[1].clone()], 1)
        }),
        ("Copy", "copy_ into a fresh tensor", vec![a()], |x| {
            let y = Tensor::zeros(&[2, 3], DType::F64)?;
            y.copy_(&x[0].mul(2.0)?)?;
            Ok(y)
        }),
        (
            "Prod",
            "prod over two dims",
            vec![leaf(&[2, 3, 2], 1)],
            |x| x[0].prod(Some(&[0, 2]), false, None),
        ),
        ("Cumprod", "cumprod", vec![a()], |x| x[0].cumprod(1, None)),
        (
            "Cumprod",
            "cumprod with zeros",
            vec![
                Tensor::from_slice(&[0.5f64, 0.0, 2.0, -1.5, 0.0, 0.0, 1.2, 0.7], &[2, 4]).unwrap(),
            ],
            |x| x[0].cumprod(1, None),
        ),
        (
            "AvgPool",
            "avg_pool2d padded, count_include_pad=False, ceil_mode",
            vec![leaf(&[1, 2, 5, 5], 1)],
            |x| {
                let o = PoolOpts {
                    kernel: [3, 2],
                    stride: [2, 2],
                    padding: [1, 1],
                    dilation: [1, 1],
                    ceil_mode: true,
                };
                x[0].avg_pool2d(&o, false, None)
            },
        ),
        (
            "AvgPool",
            "avg_pool2d count_include_pad, divisor_override",
            vec![leaf(&[2, 4, 4], 1)],
            |x| {
                let o = PoolOpts {
                    kernel: [2, 2],
                    stride: [1, 2],
                    padding: [1, 0],
                    dilation: [1, 1],
                    ceil_mode: false,
                };
                x[0].avg_pool2d(&o, true, None)?
                    .add(&x[0].avg_pool2d(&o, true, Some(3))?)
            },
        ),
        (
            "AvgPool",
            "adaptive_avg_pool2d",
            vec![leaf(&[1, 2, 5, 7], 1)],
            |x| x[0].adaptive_avg_pool2d([Some(3), Some(4)]),
        ),
        ("Im2col", "unfold", vec![leaf(&[1, 2, 4, 5], 1)], |x| {
            x[0].unfold_im2col([2, 3], [1, 1], [1, 0], [2, 1])
        }),
        ("Col2im", "fold", vec![leaf(&[1, 4, 6], 1)], |x| {
            x[0].fold_col2im([3, 4], [2, 2], [1, 1], [0, 0], [1, 1])
        }),
        (
            "Col2im",
            "conv_transpose2d",
            vec![
                leaf(&[1, 2, 3, 3], 1),
                leaf(&[2, 3, 2, 2], 2),
                leaf(&[3], 3),
            ],
            |x| x[0].conv_transpose2d(&x[1], Some(&x[2]), [2, 1], [1, 0], [1, 0], 1, [1, 1]),
        ),
        ("Det", "det", vec![leaf(&[2, 3, 3], 1)], |x| x[0].det()),
        (
            "Det",
            "det of a singular matrix",
            vec![
                Tensor::from_slice(&[1.0f64, 2.0, 3.0, 2.0, 4.0, 6.0, 0.5, -1.0, 2.0], &[3, 3])
                    .unwrap(),
            ],
            |x| x[0].det(),
        ),
        ("Inv", "inv", vec![leaf(&[3, 3], 2)], |x| x[0].inv()),
        (
            "Solve",
            "solve matrix",
            vec![leaf(&[3, 3], 2), leaf(&[3, 2], 1)],
            |x| x[0].solve(&x[1]),
        ),
        (
            "Solve",
            "solve batched vector",
            vec![leaf(&[2, 3, 3], 2), leaf(&[3], 1)],
            |x| x[0].solve(&x[1]),
        ),
        (
            "Put",
            "index_put_ into a non-leaf",
            vec![a(), leaf(&[2], 4)],
            |x| {
                let y = x[0].mul(2.0)?;
                let rows = Tensor::from_slice(&[1i64, 0], &[2])?;
                let cols = Tensor::from_slice(&[2i64, 0], &[2])?;
                y.index_put_(
                    &[Index::Tensor(rows), Index::Tensor(cols)],
                    Arg::from(&x[1]),
                    false,
                )?;
                Ok(y)
            },
        ),
        (
            "Put",
            "index_put_ accumulate",
            vec![a(), leaf(&[3], 4)],
            |x| {
                let y = x[0].mul(1.0)?;
                let rows = Tensor::from_slice(&[1i64, 1, 0], &[3])?;
                y.index_put_(
                    &[
                        Index::Tensor(rows),
                        Index::Tensor(Tensor::from_slice(&[0i64, 0, 2], &[3])?),
                    ],
                    Arg::from(&x[1]),
                    true,
                )?;
                Ok(y)
            },
        ),
        ("Put", "scatter", vec![a(), leaf(&[2, 2], 4)], |x| {
            let idx = Tensor::from_slice(&[2i64, 0, 1, 2], &[2, 2])?;
            x[0].scatter(1, &idx, Arg::from(&x[1]), PutOp::Assign)
        }),
        ("Put", "scatter_add", vec![a(), leaf(&[2, 3], 4)], |x| {
            let idx = Tensor::from_slice(&[0i64, 0, 1, 2, 2, 2], &[2, 3])?;
            x[0].scatter(1, &idx, Arg::from(&x[1]), PutOp::Add)
        }),
        ("Put", "index_add_", vec![a(), leaf(&[3, 3], 4)], |x| {
            let y = x[0].mul(1.0)?;
            y.index_add_(
                0,
                &Tensor::from_slice(&[1i64, 0, 1], &[3])?,
                &x[1],
                Scalar::Float(0.5),
            )?;
            Ok(y)
        }),
        (
            "Put",
            "x[0, 1:] = v (CopySlices)",
            vec![a(), leaf(&[2], 4)],
            |x| {
                let y = x[0].mul(2.0)?;
                let view = y.select(0, 0)?.slice(0, Some(1), None, 1)?;
                y.assign_view(view, Arg::from(&x[1].mul(3.0)?))?;
                y.mul(&x[0])
            },
        ),
        (
            "Put",
            "t[0].mul_(y) on a non-leaf's view (CopySlices)",
            vec![a(), leaf(&[3], 4)],
            |x| {
                let t = x[0].mul(2.0)?;
                let v = t.select(0, 0)?;
                v.mul_(&x[1])?;
                v.add_(1.0)?;
                t.mul(&x[0])?.add(&v)
            },
        ),
        (
            "Rounded",
            "div with rounding_mode (zero gradient)",
            vec![a(), p()],
            |x| {
                let out = autograd::no_grad(|| x[0].div(&x[1])?.floor())?;
                autograd::piecewise_constant(&out, &[Some(&x[0]), Some(&x[1])], "DivBackward2");
                Ok(out)
            },
        ),
        ("Fill", "fill_ after use", vec![a()], |x| {
            let y = x[0].mul(1.0)?;
            let s = y.sum_all()?;
            y.fill_(1.0)?;
            y.mul(&s)
        }),
    ]
}

#[test]
fn every_recorded_op_matches_finite_differences() {
    let t = table();
    for v in GradFn::VARIANTS {
        assert!(
            t.iter().any(|(k, ..)| k == v),
            "GradFn::{v} has no gradient check: add it to the table"
        );
    }
    for (_, name, inputs, op) in t {
        gradcheck(name, &inputs, op);
    }
}

#[test]
fn second_derivatives() {
    let x = Tensor::from_slice(&[0.5f64, -1.0, 2.0], &[3]).unwrap(); // test input
    x.set_requires_grad(true).unwrap(); // float leaf
    let y = x.pow(3).unwrap().sum_all().unwrap(); // x³
    let mut h = |_: u64, _: &Tensor| Ok(None);
    let g = autograd::grad(
        &[y],
        std::slice::from_ref(&x),
        &[None],
        true,
        true,
        false,
        &mut h,
    )
    .unwrap(); // 3x²
    let g = g[0].clone().unwrap(); // used input
    let gg = autograd::grad(
        &[g.sum_all().unwrap()],
        &[x],
        &[None],
        false,
        false,
        false,
        &mut h,
    )
    .unwrap();
    assert_eq!(
        gg[0].clone().unwrap().to_vec::<f64>().unwrap(),
        vec![3.0, -6.0, 12.0]
    ); // 6x
}

#[test]
fn training_loop_keeps_live_nodes_flat() {
    let w = Tensor::from_slice(&[0.1f32, -0.2, 0.3], &[3, 1]).unwrap(); // test input
    w.set_requires_grad(true).unwrap();
    let x = Tensor::from_slice(&[1.0f32, 2.0, 3.0, 4.0, 5.0, 6.0], &[2, 3]).unwrap();
    let mut h = |_: u64, _: &Tensor| Ok(None);
    let mut counts = Vec::new();
    for step in 0..10_000 {
        let loss = x
            .matmul(&w)
            .unwrap()
            .sub(1.0)
            .unwrap()
            .pow(2)
            .unwrap()
            .mean(None, false, None)
            .unwrap();
        autograd::backward(&[loss], &[None], false, false, &mut h).unwrap();
        autograd::no_grad(|| {
            let g = w.grad().unwrap(); // backward set it
            w.sub_(g.mul(0.001).unwrap()).unwrap();
            g.zero_().unwrap();
        });
        if step % 1000 == 0 {
            counts.push(autograd::live_nodes());
        }
    }
    // Other tests run in parallel threads and record nodes too: the count must not grow
    // with the steps, which a leak of ~5 nodes per step (50,000 here) would show.
    assert!(counts.iter().all(|&c| c < 1000), "{counts:?}");
}

/// `x @ w.t()` (what `nn.Linear` computes) gives the gradient of `w` laid out like `w`, as
/// PyTorch does, so `.grad` needs no transposing copy.
#[test]
fn linear_weight_grad_is_contiguous() {
    let x = leaf(&[5, 3], 1);
    let w = leaf(&[4, 3], 2);
    w.set_requires_grad(true).unwrap();
    let y = x.mm(&w.t().unwrap()).unwrap().sum_all().unwrap();
    let g = autograd::grad(&[y], &[w], &[None], false, false, false, &mut |_, _| {
        Ok(None)
    })
    .unwrap()
    .remove(0)
    .unwrap();
    assert_eq!(g.shape(), &[4, 3]);
    assert!(g.is_contiguous());
    // d/dw sum(x @ wᵀ) = column sums of x, for every row of w.
    let xs = x
        .sum(Some(&[0]), false, None)
        .unwrap()
        .to_vec::<f64>()
        .unwrap();
    let gs = g.to_vec::<f64>().unwrap();
    for r in 0..4 {
        for c in 0..3 {
            assert!((gs[r * 3 + c] - xs[c]).abs() < 1e-12);
        }
    }
}
