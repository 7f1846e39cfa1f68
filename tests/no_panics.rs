//! User input never panics the engine: random chains of views and ops with arbitrary (often
//! absurd) arguments must each give a value or an error.

use nabla::{DType, Scalar, Tensor};
use proptest::prelude::*;

fn extreme() -> impl Strategy<Value = i64> {
    prop_oneof![
        -4i64..6,
        Just(i64::MIN),
        Just(i64::MAX),
        Just(i64::MIN + 1),
        Just(1 << 40),
        Just(-(1 << 40)),
        any::<i64>(),
    ]
}

#[derive(Debug, Clone)]
enum Step {
    View(Vec<i64>),
    Reshape(Vec<i64>),
    Permute(Vec<i64>),
    Transpose(i64, i64),
    Expand(Vec<i64>),
    Squeeze(i64),
    Unsqueeze(i64),
    Narrow(i64, i64, u64),
    Select(i64, i64),
    Slice(i64, Option<i64>, Option<i64>, i64),
    Diagonal(i64, i64, i64),
    Split(u64, i64),
    Chunk(u64, i64),
    Flatten(i64, i64),
    Unflatten(i64, Vec<i64>),
    Binary(u8, i64),
    Unary(u8),
    RoundDecimals(i64),
    Contiguous,
    Print,
    AddInPlace(i64),
    DivInPlace(i64),
    FillInPlace(i64),
    CopyFromRow,
    /// An Engine II op (reductions, sort, matmul, indexing, joins, conv) with two arguments.
    Engine(u8, i64, i64),
}

fn small_vec() -> impl Strategy<Value = Vec<i64>> {
    prop::collection::vec(extreme(), 0..5)
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        small_vec().prop_map(Step::View),
        small_vec().prop_map(Step::Reshape),
        small_vec().prop_map(Step::Permute),
        (extreme(), extreme()).prop_map(|(a, b)| Step::Transpose(a, b)),
        small_vec().prop_map(Step::Expand),
        extreme().prop_map(Step::Squeeze),
        extreme().prop_map(Step::Unsqueeze),
        (
            extreme(),
            extreme(),
            prop_oneof![0u64..5, Just(u64::MAX), any::<u64>()]
        )
            .prop_map(|(a, b, c)| Step::Narrow(a, b, c)),
        (extreme(), extreme()).prop_map(|(a, b)| Step::Select(a, b)),
        (
            extreme(),
            prop::option::of(extreme()),
            prop::option::of(extreme()),
            extreme()
        )
            .prop_map(|(a, b, c, d)| Step::Slice(a, b, c, d)),
        (extreme(), extreme(), extreme()).prop_map(|(a, b, c)| Step::Diagonal(a, b, c)),
        (prop_oneof![0u64..4, Just(u64::MAX)], extreme()).prop_map(|(a, b)| Step::Split(a, b)),
        (prop_oneof![0u64..4, Just(u64::MAX)], extreme()).prop_map(|(a, b)| Step::Chunk(a, b)),
        (extreme(), extreme()).prop_map(|(a, b)| Step::Flatten(a, b)),
        (extreme(), small_vec()).prop_map(|(a, b)| Step::Unflatten(a, b)),
        (0u8..12, extreme()).prop_map(|(a, b)| Step::Binary(a, b)),
        (0u8..12).prop_map(Step::Unary),
        extreme().prop_map(Step::RoundDecimals),
        Just(Step::Contiguous),
        Just(Step::Print),
        extreme().prop_map(Step::AddInPlace),
        extreme().prop_map(Step::DivInPlace),
        extreme().prop_map(Step::FillInPlace),
        Just(Step::CopyFromRow),
        (0u8..24, extreme(), extreme()).prop_map(|(k, a, b)| Step::Engine(k, a, b)),
    ]
}

fn apply(t: &Tensor, s: &Step) -> nabla::Result<Tensor> {
    let first = |v: nabla::Result<Vec<Tensor>>| {
        v.map(|v| v.into_iter().next().unwrap_or_else(|| t.clone()))
    };
    match s {
        Step::View(v) => t.view(v),
        Step::Reshape(v) => t.reshape(v),
        Step::Permute(v) => t.permute(v),
        Step::Transpose(a, b) => t.transpose(*a, *b),
        Step::Expand(v) => t.expand(v),
        Step::Squeeze(d) => t.squeeze(Some(&[*d])),
        Step::Unsqueeze(d) => t.unsqueeze(*d),
        Step::Narrow(d, s, l) => t.narrow(*d, *s, *l as usize),
        Step::Select(d, i) => t.select(*d, *i),
        Step::Slice(d, a, b, st) => t.slice(*d, *a, *b, *st),
        Step::Diagonal(o, a, b) => t.diagonal(*o, *a, *b),
        Step::Split(n, d) => first(t.split(*n as usize, *d)),
        Step::Chunk(n, d) => first(t.chunk(*n as usize, *d)),
        Step::Flatten(a, b) => t.flatten(*a, *b),
        Step::Unflatten(d, v) => t.unflatten(*d, v),
        Step::Binary(k, v) => {
            let s = Scalar::Int(*v);
            match k {
                0 => t.add(s),
                1 => t.sub(s),
                2 => t.mul(s),
                3 => t.div(s),
                4 => t.floor_divide(s),
                5 => t.remainder(s),
                6 => t.pow(s),
                7 => t.bitwise_left_shift(s),
                8 => t.bitwise_right_shift(s),
                9 => t.fmod(s),
                10 => t.maximum(s),
                _ => t.add(t),
            }
        }
        Step::Unary(k) => match k {
            0 => t.neg(),
            1 => t.abs(),
            2 => t.exp(),
            3 => t.sign(),
            4 => t.float(),
            5 => t.long(),
            6 => t.bool(),
            7 => t.half(),
            8 => t.bitwise_not(),
            9 => t.sigmoid(),
            10 => t.round(),
            _ => t.byte(),
        },
        Step::RoundDecimals(d) => t.round_decimals(*d),
        Step::Contiguous => t.contiguous(),
        Step::AddInPlace(v) => t.add_(*v).cloned(),
        Step::DivInPlace(v) => t.div_(*v).cloned(),
        Step::FillInPlace(v) => t.fill_(*v).cloned(),
        Step::CopyFromRow => {
            let row = t.flatten(0, -1)?.slice(0, Some(0), Some(1), 1)?;
            t.copy_(&row).cloned()
        }
        Step::Engine(k, a, b) => engine(t, *k, *a, *b),
        Step::Print => {
            let _ = t.to_string();
            Ok(t.clone())
        }
    }
}

fn engine(t: &Tensor, k: u8, a: i64, b: i64) -> nabla::Result<Tensor> {
    use nabla::tensor::{ConvOpts, Index, PoolOpts};
    let idx = Tensor::from_slice(&[a, b, 0], &[3])?;
    let small = |v: i64| v.clamp(0, 4) as usize;
    match k {
        0 => t.sum(Some(&[a, b]), b % 2 == 0, None),
        1 => t.amax(Some(&[a]), true),
        2 => t.argmax(Some(a), false),
        3 => t.var(Some(&[a]), b as f64, false),
        4 => t.cumsum(a, None),
        5 => t.softmax(a, None),
        6 => t.sort(a, b > 0).map(|r| r.1),
        7 => t.topk(a.unsigned_abs() as usize, b, true).map(|r| r.0),
        8 => t.matmul(&t.transpose(a, b)?),
        9 => t.index_select(a, &idx),
        10 => {
            let mut shape = vec![1i64; t.dim()];
            if let Some(l) = shape.last_mut() {
                *l = 3;
            }
            t.gather(a, &idx.reshape(&shape)?)
        }
        11 => t.index(&[Index::Tensor(idx), Index::Slice(Some(a), None, 1)]),
        12 => t.index(&[Index::Tensor(t.gt(b)?)]),
        13 => Tensor::cat(&[t.clone(), t.clone()], a),
        14 => Tensor::stack(&[t.clone(), t.clone()], a),
        15 => t.repeat(&[a.clamp(-1, 3), b.clamp(-1, 3), 1]),
        16 => t.flip(&[a]),
        17 => t.roll(&[a], &[b]),
        18 => t.pad(
            &[a.clamp(-3, 3), b.clamp(-3, 3)],
            ["constant", "reflect", "replicate", "circular"][(a.rem_euclid(4)) as usize],
            0.0,
        ),
        19 => t.tril(a),
        20 => t.one_hot(a),
        21 => t.conv2d(
            &Tensor::ones(&[1, small(a).max(1), small(b).max(1), 1], t.dtype())?,
            None,
            &ConvOpts::default(),
        ),
        22 => t
            .max_pool2d(&PoolOpts {
                kernel: [small(a), small(b)],
                stride: [1, small(a)],
                padding: [small(b), 0],
                dilation: [1, 1],
                ceil_mode: a > 0,
            })
            .map(|r| r.0),
        _ => t.unique().map(|r| r.2),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]
    #[test]
    fn op_chains_never_panic(steps in prop::collection::vec(step(), 1..8), int in any::<bool>()) {
        let base = Tensor::arange(Scalar::Int(-6), Scalar::Int(18), Scalar::Int(1), None).unwrap().view(&[2, 3, 4]).unwrap();
        let mut t = if int { base } else { base.to_dtype(DType::F32).unwrap().mul(0.75).unwrap() };
        for s in &steps {
            if let Ok(next) = apply(&t, s) {
                if next.numel() <= 1 << 16 {
                    t = next;
                }
            }
        }
        let _ = t.to_string();
        let _ = t.to_scalars();
    }
}
