//! Writes through views, in-place ops and their refusals, error variants with their hints,
//! allocation limits, devices and the random generator.

use nabla::{DType, Device, Error, Generator, Scalar, Tensor};

fn arange(n: i64) -> Tensor {
    Tensor::arange(Scalar::Int(0), Scalar::Int(n), Scalar::Int(1), None).unwrap()
}

#[test]
fn writes_through_a_view_reach_the_base() {
    // x = torch.arange(6).view(2, 3); x.view(6)[0] = 5
    let x = arange(6).view(&[2, 3]).unwrap();
    x.view(&[6])
        .unwrap()
        .select(0, 0)
        .unwrap()
        .fill_(5)
        .unwrap();
    assert_eq!(x.to_string(), "tensor([[5, 1, 2],\n        [3, 4, 5]])");
    // x.t()[2] += 10 changes column 2 of x
    x.t().unwrap().select(0, 2).unwrap().add_(10).unwrap();
    assert_eq!(
        x.to_string(),
        "tensor([[ 5,  1, 12],\n        [ 3,  4, 15]])"
    );
    // x[:, ::2] *= -1
    x.slice(1, None, None, 2).unwrap().mul_(-1).unwrap();
    assert_eq!(
        x.to_string(),
        "tensor([[ -5,   1, -12],\n        [ -3,   4, -15]])"
    );
}

#[test]
fn in_place_ops_broadcast_the_operand_and_alias_safely() {
    let x = Tensor::zeros(&[2, 3], DType::F32).unwrap();
    let row = Tensor::from_slice(&[1.0f32, 2.0, 3.0], &[3]).unwrap();
    x.add_(&row).unwrap();
    // x += x.t().t()[0]: the operand shares x's storage
    x.add_(x.select(0, 0).unwrap()).unwrap();
    assert_eq!(
        x.to_vec::<f32>().unwrap(),
        vec![2.0, 4.0, 6.0, 2.0, 4.0, 6.0]
    );
    // copy_ converts dtype freely
    let i = Tensor::zeros(&[3], DType::I64).unwrap();
    i.copy_(&Tensor::from_slice(&[1.7f32, -2.2, 3.9], &[3]).unwrap())
        .unwrap();
    assert_eq!(i.to_vec::<i64>().unwrap(), vec![1, -2, 3]);
    x.zero_().unwrap();
    assert!(x
        .equal(&Tensor::zeros(&[2, 3], DType::F32).unwrap())
        .unwrap());
    // clamp_ and masked_fill_
    let y = Tensor::from_slice(&[-2.0f32, 0.5, 3.0], &[3]).unwrap();
    y.clamp_(Some((-1.0).into()), Some(1.0.into())).unwrap();
    y.masked_fill_(&y.gt(0.9).unwrap(), 0.0).unwrap();
    assert_eq!(y.to_vec::<f32>().unwrap(), vec![-1.0, 0.5, 0.0]);
}

#[test]
fn in_place_refusals_name_the_problem() {
    let i = arange(3);
    let e = i.div_(2).unwrap_err();
    assert!(matches!(
        e,
        Error::InPlaceCast {
            from: DType::F32,
            to: DType::I64,
            ..
        }
    ));
    assert_eq!(
        e.to_string(),
        "result type Float can't be cast to the desired output type Long"
    );
    assert!(e.hint().unwrap().contains("x.to(torch.float32)"));

    let small = Tensor::zeros(&[3], DType::F32).unwrap();
    let e = small
        .add_(Tensor::ones(&[2, 3], DType::F32).unwrap())
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "output with shape [3] doesn't match the broadcast shape [2, 3]"
    );

    let expanded = Tensor::zeros(&[3], DType::F32)
        .unwrap()
        .expand(&[2, 3])
        .unwrap();
    let e = expanded.fill_(1.0).unwrap_err();
    assert!(matches!(e, Error::OverlappingWrite { .. }));
    assert!(e
        .to_string()
        .starts_with("unsupported operation: more than one element"));
}

#[test]
fn errors_carry_operands_and_hints() {
    let a = Tensor::ones(&[2, 3], DType::F32).unwrap();
    let b = Tensor::ones(&[4], DType::F32).unwrap();
    match a.add(&b).unwrap_err() {
        e @ Error::BroadcastMismatch { .. } => {
            let Error::BroadcastMismatch {
                op,
                ref lhs,
                ref rhs,
                dim,
                ..
            } = e
            else {
                unreachable!()
            };
            assert_eq!(
                (op, lhs.as_slice(), rhs.as_slice(), dim),
                ("add", &[2, 3][..], &[4][..], 1)
            );
            assert!(e.hint().unwrap().contains("[2, 3] and [4]"));
        }
        other => panic!("wrong variant {other:?}"),
    }
    let e = a.t().unwrap().view(&[6]).unwrap_err();
    assert!(matches!(e, Error::NotViewable { .. }));
    assert!(e.hint().unwrap().contains(".reshape"));
    let e = a.select(0, 5).unwrap_err();
    assert_eq!(e.python_class(), "IndexError");
    let e = a.transpose(0, 3).unwrap_err();
    assert_eq!(e.python_class(), "IndexError");
    assert_eq!(
        Tensor::new(
            &nabla::Nested::List(vec![vec![1i64].into(), vec![1i64, 2].into()]),
            None
        )
        .unwrap_err()
        .python_class(),
        "ValueError"
    );
}

#[test]
fn allocations_beyond_memory_are_errors_not_aborts() {
    let e = Tensor::zeros(&[1 << 20, 1 << 20, 1 << 10], DType::F32).unwrap_err();
    assert!(matches!(e, Error::OutOfMemory { .. }), "{e:?}");
    assert!(
        e.to_string()
            .starts_with("CPU out of memory: tried to allocate 4.0 PiB but this machine has"),
        "{e}"
    );
    let e = Tensor::zeros(&[usize::MAX, 2], DType::F32).unwrap_err();
    assert!(matches!(e, Error::TooLarge { .. }));
    let e =
        Tensor::arange(Scalar::Int(0), Scalar::Int(i64::MAX), Scalar::Int(1), None).unwrap_err();
    assert!(matches!(e, Error::TooLarge { .. }), "{e:?}");
    let e = Tensor::arange(Scalar::Int(0), Scalar::Int(1 << 50), Scalar::Int(1), None).unwrap_err();
    assert!(matches!(e, Error::OutOfMemory { .. }), "{e:?}");
    let e = Tensor::randperm(1 << 50, &mut Generator::new(0)).unwrap_err();
    assert!(matches!(e, Error::OutOfMemory { .. }), "{e:?}");
}

#[test]
fn cuda_is_a_clear_error_until_the_cuda_backend_lands() {
    let t = Tensor::ones(&[2], DType::F32).unwrap();
    let e = t.to_device(Device::Cuda(0)).unwrap_err();
    assert!(matches!(e, Error::DeviceUnavailable { .. }));
    assert!(e.hint().unwrap().contains("cpu"));
    assert_eq!(Device::parse("cuda:1"), Some(Device::Cuda(1)));
    assert_eq!(Device::Cuda(1).to_string(), "cuda:1");
    assert_eq!(Device::Cuda(0).repr(), "device(type='cuda', index=0)");
    assert_eq!(t.to_device(Device::Cpu).unwrap().device(), Device::Cpu);
}

#[test]
fn generator_is_reproducible_and_sane() {
    let mut g = Generator::new(0);
    let a = Tensor::rand(&[1000], DType::F32, &mut g).unwrap();
    g.manual_seed(0);
    let b = Tensor::rand(&[1000], DType::F32, &mut g).unwrap();
    assert!(a.equal(&b).unwrap());
    let v = a.to_vec::<f32>().unwrap();
    assert!(v.iter().all(|&x| (0.0..1.0).contains(&x)));
    let mean = v.iter().sum::<f32>() / 1000.0;
    assert!((mean - 0.5).abs() < 0.05, "mean {mean}");

    let n = Tensor::randn(&[20000], DType::F64, &mut g)
        .unwrap()
        .to_vec::<f64>()
        .unwrap();
    let m = n.iter().sum::<f64>() / n.len() as f64;
    let var = n.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / n.len() as f64;
    assert!(
        m.abs() < 0.03 && (var - 1.0).abs() < 0.05,
        "mean {m} var {var}"
    );

    let r = Tensor::randint(-3, 4, &[500], DType::I64, &mut g)
        .unwrap()
        .to_vec::<i64>()
        .unwrap();
    assert!(r.iter().all(|&x| (-3..4).contains(&x)));
    assert!((-3..4).all(|k| r.contains(&k)));

    let mut p = Tensor::randperm(50, &mut g)
        .unwrap()
        .to_vec::<i64>()
        .unwrap();
    p.sort();
    assert_eq!(p, (0..50).collect::<Vec<_>>());

    let probs = Tensor::from_slice(&[0.0f32, 1.0, 0.5], &[3])
        .unwrap()
        .expand(&[400, 3])
        .unwrap();
    let s = probs
        .contiguous()
        .unwrap()
        .bernoulli(&mut g)
        .unwrap()
        .to_vec::<f32>()
        .unwrap();
    let col = |c: usize| s.iter().skip(c).step_by(3).sum::<f32>();
    assert_eq!((col(0), col(1)), (0.0, 400.0));
    assert!((col(2) - 200.0).abs() < 50.0);

    assert!(Tensor::rand(&[2], DType::I64, &mut g).is_err());
    assert!(Tensor::randint(5, 5, &[2], DType::I64, &mut g).is_err());
}

#[test]
fn whole_tensor_in_place_results_reach_every_view() {
    // add_ and mul_ compute where x lies; neg_ and clamp_ (x spans its storage) trade
    // storages with their fresh result instead of copying: every view must see all of it.
    let x = Tensor::zeros(&[2, 3], DType::F32).unwrap();
    let flat = x.view(&[6]).unwrap();
    let col = x.t().unwrap().select(0, 1).unwrap();
    x.add_(1.5).unwrap();
    x.mul_(Tensor::from_slice(&[1.0f32, 2.0, 3.0], &[3]).unwrap())
        .unwrap();
    x.neg_().unwrap();
    x.clamp_(Some((-4.0).into()), None).unwrap();
    assert_eq!(
        flat.to_vec::<f32>().unwrap(),
        vec![-1.5, -3.0, -4.0, -1.5, -3.0, -4.0]
    );
    assert_eq!(col.to_vec::<f32>().unwrap(), vec![-3.0, -3.0]);
    // and writes through a view after that still reach x
    flat.select(0, 0).unwrap().fill_(-1).unwrap();
    assert_eq!(x.get(&[0, 0]).unwrap(), Scalar::Float(-1.0));
    // a view that does not span the storage takes the copying path
    let row = x.select(0, 1).unwrap();
    row.neg_().unwrap();
    row.sub_(1.5).unwrap();
    assert_eq!(
        x.to_vec::<f32>().unwrap(),
        vec![-1.0, -3.0, -4.0, 0.0, 1.5, 2.5]
    );
    // an operand that shares x's storage is read before x is written
    x.add_(x.t().unwrap().t().unwrap()).unwrap();
    assert_eq!(
        x.to_vec::<f32>().unwrap(),
        vec![-2.0, -6.0, -8.0, 0.0, 3.0, 5.0]
    );
    // integer in-place ops with the zero check and dtype rules still apply
    let i = Tensor::from_slice(&[7i64, -7], &[2]).unwrap();
    i.floor_divide_(2).unwrap();
    assert_eq!(i.to_vec::<i64>().unwrap(), vec![3, -4]);
    assert!(matches!(
        i.remainder_(0).unwrap_err(),
        Error::ZeroDivision { .. }
    ));
    assert!(matches!(
        i.mul_(0.5).unwrap_err(),
        Error::InPlaceCast { .. }
    ));
    assert!(i.pow_(-1).is_err());
}

#[test]
fn ops_whose_operands_share_storage_do_not_deadlock() {
    let x = Tensor::from_slice(&[-1.0f32, 2.0, -3.0, 4.0], &[2, 2]).unwrap();
    let t = x.t().unwrap();
    assert_eq!(
        x.add(&x).unwrap().to_vec::<f32>().unwrap(),
        vec![-2.0, 4.0, -6.0, 8.0]
    );
    assert_eq!(
        x.add(&t).unwrap().to_vec::<f32>().unwrap(),
        vec![-2.0, -1.0, -1.0, 8.0]
    );
    assert!(x.eq(&t).unwrap().to_vec::<bool>().unwrap() == vec![true, false, false, true]);
    let w = Tensor::where_(&x.gt(0).unwrap(), &x, &t).unwrap();
    assert_eq!(w.to_vec::<f32>().unwrap(), vec![-1.0, 2.0, 2.0, 4.0]);
    let w = Tensor::where_(&x.gt(0).unwrap(), &t, &t).unwrap();
    assert!(w.equal(&t).unwrap());
    x.add_(&t).unwrap(); // the operand is read before x is written
    assert_eq!(x.to_vec::<f32>().unwrap(), vec![-2.0, -1.0, -1.0, 8.0]);
    // copying a tensor's own transpose into it reads everything before writing
    let y = Tensor::from_slice(&[0i64, 1, 2, 3], &[2, 2]).unwrap();
    y.copy_(&y.t().unwrap()).unwrap();
    assert_eq!(y.to_vec::<i64>().unwrap(), vec![0, 2, 1, 3]);
}

#[test]
fn tensors_cross_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Tensor>();
    let x = Tensor::ones(&[1000], DType::F32).unwrap();
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let x = x.clone();
            std::thread::spawn(move || x.mul(i as f64).unwrap().to_vec::<f32>().unwrap()[0])
        })
        .collect();
    let got: Vec<f32> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    assert_eq!(got, vec![0.0, 1.0, 2.0, 3.0]);
}
