//! Linear algebra: matmul with PyTorch's rules (dot, matrix-vector, batched with broadcast
//! batch dimensions), mm, bmm, mv, dot, outer, addmm, baddbmm, einsum, and the small dense
//! solvers det, inv and solve (LU with partial pivoting, computed in the input's precision
//! in LAPACK's order of operations, so results print as PyTorch's do).

use super::graph::{self, GradFn, MatKind};
use super::Tensor;
use crate::backend::op::Float;
use crate::types::{join, DType, Error, Result, Scalar};

fn mat_err(a: &[usize], b: &[usize]) -> Error {
    Error::MatmulShape {
        op: "mm",
        lhs: a.to_vec(),
        rhs: b.to_vec(),
    }
}

impl Tensor {
    /// The batched product of two 3-D tensors `[b, m, k] @ [b, k, n]`, any strides.
    fn bmm_raw(a: &Tensor, b: &Tensor) -> Result<Tensor> {
        if a.dtype() != b.dtype() {
            return Err(Error::invalid(
                "matmul",
                format!(
                    "expected m1 and m2 to have the same dtype, but got: {} != {}",
                    a.dtype().cpp_name(),
                    b.dtype().cpp_name()
                ),
            ));
        }
        let d = a.dtype();
        if d.is_half() {
            let r = Tensor::bmm_raw(&a.to_dtype(DType::F32)?, &b.to_dtype(DType::F32)?)?;
            return r.to_dtype(d);
        }
        let shape = [a.shape()[0], a.shape()[1], b.shape()[2]];
        let st = {
            let ga = a.read();
            if a.shares_storage(b) {
                ga.matmul(a.layout(), &ga, b.layout())?
            } else {
                ga.matmul(a.layout(), &b.read(), b.layout())?
            }
        };
        Ok(Tensor::from_storage(st, &shape))
    }

    /// `a @ b` with PyTorch's rules for 1-D, 2-D and batched operands.
    pub fn matmul(&self, other: &Tensor) -> Result<Tensor> {
        let (a, b) = (self, other);
        match (a.dim(), b.dim()) {
            (0, _) | (_, 0) => Err(Error::invalid(
                "matmul",
                format!(
                    "both arguments to matmul need to be at least 1D, but they are {}D and {}D",
                    a.dim(),
                    b.dim()
                ),
            )),
            (1, 1) => a.dot(b),
            (2, 1) => a.mv(b),
            (1, 2) => {
                if a.shape()[0] != b.shape()[0] {
                    return Err(mat_err(&[1, a.shape()[0]], b.shape()));
                }
                let r = a.unsqueeze(0)?.mm(b)?.squeeze(Some(&[0]))?;
                Ok(graph::rename(&r, &[a, b], "SqueezeBackward4"))
            }
            (2, 2) => a.mm(b),
            (na, 2) if na >= 3 => {
                // Fold the batch into the rows: one large product instead of many small ones.
                let k = a.shape()[na - 1];
                if k != b.shape()[0] {
                    let rows = a.numel() / k.max(1);
                    return Err(mat_err(&[rows, k], b.shape()));
                }
                let mut out: Vec<i64> = a.shape()[..na - 1].iter().map(|&x| x as i64).collect();
                out.push(b.shape()[1] as i64);
                let r = a.reshape(&[-1, k as i64])?.mm(b)?.reshape(&out)?;
                Ok(graph::rename(&r, &[a, b], "UnsafeViewBackward0"))
            }
            (na, nb) => {
                let a2 = if na == 1 { a.unsqueeze(0)? } else { a.clone() };
                let b2 = if nb == 1 { b.unsqueeze(1)? } else { b.clone() };
                let (sa, sb) = (a2.shape(), b2.shape());
                let (m, k) = (sa[sa.len() - 2], sa[sa.len() - 1]);
                let (k2, n) = (sb[sb.len() - 2], sb[sb.len() - 1]);
                let batch =
                    super::broadcast_shapes("matmul", &sa[..sa.len() - 2], &sb[..sb.len() - 2])?;
                if k != k2 {
                    let bn: usize = batch.iter().product();
                    return Err(Error::invalid("matmul", format!(
                        "Expected size for first two dimensions of batch2 tensor to be: [{bn}, {k}] but got: [{bn}, {k2}]."
                    )));
                }
                let bn: usize = batch.iter().product();
                let ex = |t: &Tensor, r: usize, c: usize| -> Result<Tensor> {
                    let mut s: Vec<i64> = batch.iter().map(|&x| x as i64).collect();
                    s.extend([r as i64, c as i64]);
                    t.expand(&s)?.reshape(&[bn as i64, r as i64, c as i64])
                };
                let r = ex(&a2, m, k)?.bmm(&ex(&b2, k, n)?)?;
                let mut out: Vec<i64> = batch.iter().map(|&x| x as i64).collect();
                if na > 1 {
                    out.push(m as i64);
                }
                if nb > 1 {
                    out.push(n as i64);
                }
                let r = r.reshape(&out)?;
                if na > 1 && nb > 1 {
                    return Ok(graph::rename(&r, &[a, b], "UnsafeViewBackward0"));
                }
                Ok(r)
            }
        }
    }

    /// `torch.mm(a, b)`: two matrices.
    fn mm_raw(&self, other: &Tensor) -> Result<Tensor> {
        for t in [self, other] {
            if t.dim() != 2 {
                return Err(Error::invalid(
                    "mm",
                    format!(
                        "{} must be a matrix",
                        if std::ptr::eq(t, self) {
                            "self"
                        } else {
                            "mat2"
                        }
                    ),
                ));
            }
        }
        if self.shape()[1] != other.shape()[0] {
            return Err(mat_err(self.shape(), other.shape()));
        }
        Tensor::bmm_raw(&self.unsqueeze(0)?, &other.unsqueeze(0)?)?.squeeze(Some(&[0]))
    }

    /// `torch.bmm(a, b)`: batches of matrices of one batch size.
    fn bmm_checked(&self, other: &Tensor) -> Result<Tensor> {
        if self.dim() != 3 || other.dim() != 3 {
            return Err(Error::invalid(
                "bmm",
                format!(
                    "batch{} must be a 3D tensor",
                    if self.dim() != 3 { 1 } else { 2 }
                ),
            ));
        }
        let (a, b) = (self.shape(), other.shape());
        if b[0] != a[0] || b[1] != a[2] {
            return Err(Error::invalid("bmm", format!(
                "Expected size for first two dimensions of batch2 tensor to be: [{}, {}] but got: [{}, {}].",
                a[0], a[2], b[0], b[1]
            )));
        }
        Tensor::bmm_raw(self, other)
    }

    /// `torch.mv(m, v)`.
    fn mv_raw(&self, v: &Tensor) -> Result<Tensor> {
        if self.dim() != 2 || v.dim() != 1 {
            return Err(Error::invalid(
                "mv",
                format!(
                    "vector + matrix @ vector expected, got {}, {}, {}",
                    1,
                    self.dim(),
                    v.dim()
                ),
            ));
        }
        if self.shape()[1] != v.shape()[0] {
            return Err(Error::invalid(
                "mv",
                format!(
                    "size mismatch, got input ({}), mat ({}x{}), vec ({})",
                    self.shape()[0],
                    self.shape()[0],
                    self.shape()[1],
                    v.shape()[0]
                ),
            ));
        }
        self.mm(&v.unsqueeze(1)?)?.squeeze(Some(&[1]))
    }

    /// `torch.dot(a, b)`: two 1-D tensors of one length, a 0-d result.
    fn dot_raw(&self, other: &Tensor) -> Result<Tensor> {
        if self.dim() != 1 || other.dim() != 1 {
            return Err(Error::invalid(
                "dot",
                format!(
                    "1D tensors expected, but got {}D and {}D tensors",
                    self.dim(),
                    other.dim()
                ),
            ));
        }
        let (n, m) = (self.numel(), other.numel());
        if n != m {
            return Err(Error::invalid("dot", format!(
                "inconsistent tensor size, expected tensor [{n}] and src [{m}] to have the same number of elements, but got {n} and {m} elements respectively"
            )));
        }
        if self.dtype() != other.dtype() {
            return Err(Error::invalid(
                "dot",
                format!(
                    "dot : expected both vectors to have same dtype, but found {} and {}",
                    self.dtype().scalar_type_name(),
                    other.dtype().scalar_type_name()
                ),
            ));
        }
        Tensor::bmm_raw(
            &self.reshape(&[1, 1, n as i64])?,
            &other.reshape(&[1, n as i64, 1])?,
        )?
        .reshape(&[])
    }

    /// `torch.outer(a, b)`: `a[i] * b[j]`.
    pub fn outer(&self, other: &Tensor) -> Result<Tensor> {
        if self.dim() != 1 || other.dim() != 1 {
            return Err(Error::invalid(
                "outer",
                "outer: Expected 1-D argument self, but got a higher-dimensional tensor",
            ));
        }
        self.unsqueeze(1)?.mul(other)
    }

    /// `torch.addmm(input, m1, m2, beta, alpha)`: `beta * input + alpha * (m1 @ m2)`.
    fn addmm_raw(&self, m1: &Tensor, m2: &Tensor, beta: Scalar, alpha: Scalar) -> Result<Tensor> {
        let p = m1.mm(m2).map_err(|e| match e {
            Error::MatmulShape { lhs, rhs, .. } => Error::MatmulShape {
                op: "addmm",
                lhs,
                rhs,
            },
            e => e,
        })?;
        Tensor::scaled_sum(self, &p, beta, alpha)
    }

    /// `torch.baddbmm(input, b1, b2, beta, alpha)`.
    fn baddbmm_raw(&self, b1: &Tensor, b2: &Tensor, beta: Scalar, alpha: Scalar) -> Result<Tensor> {
        let p = b1.bmm(b2)?;
        Tensor::scaled_sum(self, &p, beta, alpha)
    }

    fn scaled_sum(input: &Tensor, p: &Tensor, beta: Scalar, alpha: Scalar) -> Result<Tensor> {
        let p = if alpha.to_f64() == 1.0 {
            p.clone()
        } else {
            p.mul(alpha)?
        };
        if beta.to_f64() == 0.0 {
            // PyTorch ignores `input` entirely (NaN in it does not propagate).
            return p.add(&input.broadcast_to(p.shape())?.mul(0)?.zeros_like()?);
        }
        let i = if beta.to_f64() == 1.0 {
            input.clone()
        } else {
            input.mul(beta)?
        };
        let out = i.add(&p)?;
        if out.shape() != p.shape() {
            return Err(Error::invalid("addmm", format!(
                "The expanded size of the tensor ({}) must match the existing size ({}) at non-singleton dimension 1.  Target sizes: [{}].  Tensor sizes: [{}]",
                p.shape().last().copied().unwrap_or(0), input.shape().last().copied().unwrap_or(0), join(p.shape()), join(input.shape())
            )));
        }
        Ok(out)
    }

    /// `torch.einsum(equation, *operands)` for the common contractions: any number of
    /// operands, `...`, repeated labels (diagonals), implicit output.
    pub fn einsum(equation: &str, operands: &[Tensor]) -> Result<Tensor> {
        super::einsum::einsum(equation, operands)
    }

    /// `torch.inner(a, b)`: sums of products over the last dimension of each.
    pub fn inner(&self, other: &Tensor) -> Result<Tensor> {
        if self.dim() == 0 || other.dim() == 0 {
            return self.mul(other);
        }
        let (k, k2) = (self.shape()[self.dim() - 1], other.shape()[other.dim() - 1]);
        if k != k2 {
            return Err(Error::invalid("inner", format!(
                "inner() the last dimension must match on both input tensors but got shapes [{}] and [{}]",
                join(self.shape()), join(other.shape())
            )));
        }
        let mut out: Vec<i64> = self.shape()[..self.dim() - 1]
            .iter()
            .map(|&s| s as i64)
            .collect();
        out.extend(other.shape()[..other.dim() - 1].iter().map(|&s| s as i64));
        let r = self
            .reshape(&[-1, k as i64])?
            .mm(&other.reshape(&[-1, k as i64])?.t()?)?;
        r.reshape(&out)
    }

    /// `torch.linalg.matrix_norm(A, ord)` for ord = ±1 (column sums) and ±inf (row sums).
    pub fn matrix_norm(&self, ord: f64, dims: Option<&[i64]>, keepdim: bool) -> Result<Tensor> {
        let (d0, d1) = match dims {
            Some([a, b]) => (*a, *b),
            None => (-2, -1),
            Some(_) => {
                return Err(Error::invalid(
                    "linalg.matrix_norm",
                    "linalg.matrix_norm: dim must be a 2-tuple of ints",
                ))
            }
        };
        let a = self.abs()?;
        let (sum_dim, red_dim) = if ord.abs() == 1.0 {
            (d0, d1)
        } else if ord.is_infinite() {
            (d1, d0)
        } else {
            return Err(Error::invalid(
                "linalg.matrix_norm",
                format!("nabla's matrix_norm supports ord = 'fro', 1, -1, inf and -inf, not {ord}"),
            ));
        };
        let s = a.sum(Some(&[sum_dim]), true, None)?;
        let r = if ord > 0.0 {
            s.amax(Some(&[red_dim]), true)?
        } else {
            s.amin(Some(&[red_dim]), true)?
        };
        if keepdim {
            return Ok(r);
        }
        let nd = self.dim() as i64;
        let (w0, w1) = ((d0 + nd) % nd, (d1 + nd) % nd);
        r.squeeze(Some(&[w0.max(w1), w0.min(w1)]))
    }

    /// `torch.linalg.matrix_power(A, n)`.
    pub fn matrix_power(&self, n: i64) -> Result<Tensor> {
        let k = self.shape().last().copied().unwrap_or(0);
        if self.dim() < 2 || self.shape()[self.dim() - 2] != k {
            return Err(Error::invalid(
                "matrix_power",
                "linalg.matrix_power: A must be batches of square matrices",
            ));
        }
        let base = if n < 0 { self.inv()? } else { self.clone() };
        let mut out = Tensor::eye(k, None, self.dtype())?
            .expand(&self.shape().iter().map(|&s| s as i64).collect::<Vec<_>>())?
            .contiguous()?;
        for i in 0..n.unsigned_abs() {
            out = if i == 0 {
                base.clone_data()?
            } else {
                out.matmul(&base)?
            };
        }
        Ok(out)
    }

    fn square_check(&self, op: &'static str) -> Result<usize> {
        if !self.dtype().is_float() {
            return Err(Error::invalid(
                op,
                format!(
                    "{op}: Expected a floating point or complex tensor as input. Got {}",
                    self.dtype().scalar_type_name()
                ),
            ));
        }
        let nd = self.dim();
        if nd < 2 || self.shape()[nd - 1] != self.shape()[nd - 2] {
            return Err(Error::invalid(
                op,
                format!(
                    "{op}: A must be batches of square matrices, but they are {} by {} matrices",
                    if nd >= 2 {
                        self.shape()[nd - 2]
                    } else {
                        self.numel()
                    },
                    if nd >= 1 { self.shape()[nd - 1] } else { 1 }
                ),
            ));
        }
        Ok(self.shape()[nd - 1])
    }

    /// `torch.linalg.det(A)` for (batches of) square float matrices.
    pub fn det(&self) -> Result<Tensor> {
        graph::op(
            &[Some(self)],
            || self.det_raw(),
            |r, o| GradFn::Det {
                x: r.save(self),
                out: r.save_out(o[0], 0),
            },
        )
    }

    fn det_raw(&self) -> Result<Tensor> {
        let n = self.square_check("linalg.det")?;
        let batch: Vec<usize> = self.shape()[..self.dim() - 2].to_vec();
        match self.dtype() {
            DType::F64 => {
                lu_map::<f64>(self, n, &batch, |lu, sign, _| Ok(vec![det_of(lu, sign, n)]))
            }
            d => self
                .to_dtype(DType::F32)
                .and_then(|x| {
                    lu_map::<f32>(&x, n, &batch, |lu, sign, _| Ok(vec![det_of(lu, sign, n)]))
                })?
                .to_dtype(d),
        }
    }

    /// `torch.linalg.inv(A)`.
    pub fn inv(&self) -> Result<Tensor> {
        graph::op(
            &[Some(self)],
            || {
                let n = self.square_check("linalg.inv")?;
                let eye = Tensor::eye(n, None, self.dtype())?;
                self.solve_impl(&eye, "linalg.inv")
            },
            |r, o| GradFn::Inv {
                out: r.save_out(o[0], 0),
            },
        )
    }

    /// `torch.linalg.solve(A, B)`: `X` with `A @ X = B`; `B` a matrix or a vector.
    pub fn solve(&self, b: &Tensor) -> Result<Tensor> {
        self.square_check("linalg.solve")?;
        let vector = b.dim() == 1
            || (b.dim() == self.dim() - 1 && b.shape()[..] == self.shape()[..self.dim() - 1]);
        graph::op(
            &[Some(self), Some(b)],
            || self.solve_raw(b, vector),
            |r, o| GradFn::Solve {
                a: r.save(self),
                out: r.save_out(o[0], 0),
                vector,
            },
        )
    }

    fn solve_raw(&self, b: &Tensor, vector: bool) -> Result<Tensor> {
        if vector {
            return self
                .solve_impl(&b.unsqueeze(-1)?, "linalg.solve")?
                .squeeze(Some(&[-1]));
        }
        self.solve_impl(b, "linalg.solve")
    }

    fn solve_impl(&self, b: &Tensor, op: &'static str) -> Result<Tensor> {
        let n = self.shape()[self.dim() - 1];
        if b.dim() < 2 || b.shape()[b.dim() - 2] != n {
            return Err(Error::invalid(
                op,
                format!(
                    "{op}: Incompatible shapes of A and B for the equation AX = B ({n}x{n} and {})",
                    b.shape()
                        .iter()
                        .map(|s| s.to_string())
                        .collect::<Vec<_>>()
                        .join("x")
                ),
            ));
        }
        let k = b.shape()[b.dim() - 1];
        let dtype = self.dtype().promote(b.dtype());
        let batch = super::broadcast_shapes(
            op,
            &self.shape()[..self.dim() - 2],
            &b.shape()[..b.dim() - 2],
        )?
        .to_vec();
        let mut sa: Vec<i64> = batch.iter().map(|&x| x as i64).collect();
        let mut sb = sa.clone();
        sa.extend([n as i64, n as i64]);
        sb.extend([n as i64, k as i64]);
        let a = self.to_dtype(dtype)?.expand(&sa)?;
        let rhs = b.to_dtype(dtype)?.expand(&sb)?.contiguous()?;
        let run = |x: &Tensor, r: &Tensor| -> Result<Tensor> {
            match x.dtype() {
                DType::F64 => {
                    let rv = r.to_vec::<f64>()?;
                    lu_map::<f64>(x, n, &batch, |lu, _, (bi, piv)| {
                        solve_with(lu, piv, &rv[bi * n * k..(bi + 1) * n * k], n, k, op)
                    })
                }
                _ => {
                    let rv = r.to_dtype(DType::F32)?.to_vec::<f32>()?;
                    lu_map::<f32>(&x.to_dtype(DType::F32)?, n, &batch, |lu, _, (bi, piv)| {
                        solve_with(lu, piv, &rv[bi * n * k..(bi + 1) * n * k], n, k, op)
                    })
                }
            }
        };
        let out = run(&a, &rhs)?.reshape(&sb)?;
        out.to_dtype(dtype)
    }
}

/// The product of U's diagonal with the permutation's sign, multiplied in order.
fn det_of<T: Float>(lu: &[T], sign: bool, n: usize) -> T {
    let mut d = if sign { -T::ONE } else { T::ONE };
    for i in 0..n {
        d = d * lu[i * n + i];
    }
    d
}

/// LU with partial pivoting in place (LAPACK getrf's order: scale the column by the
/// reciprocal pivot, then the rank-1 update). Returns the pivots and whether the number of
/// row swaps is odd.
fn lu<T: Float>(a: &mut [T], n: usize) -> (Vec<usize>, bool, Option<usize>) {
    let mut piv = Vec::with_capacity(n);
    let mut odd = false;
    let mut singular = None;
    for j in 0..n {
        let mut p = j;
        for i in j + 1..n {
            if a[i * n + j].abs() > a[p * n + j].abs() {
                p = i;
            }
        }
        piv.push(p);
        if p != j {
            odd = !odd;
            for c in 0..n {
                a.swap(j * n + c, p * n + c);
            }
        }
        let d = a[j * n + j];
        if d == T::from_f64(0.0) {
            singular.get_or_insert(j + 1);
            continue;
        }
        let r = T::ONE / d;
        for i in j + 1..n {
            a[i * n + j] = a[i * n + j] * r;
        }
        for i in j + 1..n {
            let l = a[i * n + j];
            for c in j + 1..n {
                a[i * n + c] = a[i * n + c] - l * a[j * n + c];
            }
        }
    }
    (piv, odd, singular)
}

/// Solves `LU X = P B` for one matrix: forward, then backward substitution.
fn solve_with<T: Float>(
    lu_: &[T],
    piv: &[usize],
    b: &[T],
    n: usize,
    k: usize,
    op: &'static str,
) -> Result<Vec<T>> {
    for i in 0..n {
        if lu_[i * n + i] == T::from_f64(0.0) {
            return Err(Error::invalid(
                op,
                if op == "linalg.inv" {
                    format!("linalg.inv: The diagonal element {} is zero, the inversion could not be completed because the input matrix is singular.", i + 1)
                } else {
                    format!("{op}: The solver failed because the input matrix is singular.")
                },
            ));
        }
    }
    let mut x = b.to_vec();
    for (j, &p) in piv.iter().enumerate() {
        if p != j {
            for c in 0..k {
                x.swap(j * k + c, p * k + c);
            }
        }
    }
    for i in 0..n {
        for j in 0..i {
            let l = lu_[i * n + j];
            for c in 0..k {
                x[i * k + c] = x[i * k + c] - l * x[j * k + c];
            }
        }
    }
    for i in (0..n).rev() {
        for j in i + 1..n {
            let u = lu_[i * n + j];
            for c in 0..k {
                x[i * k + c] = x[i * k + c] - u * x[j * k + c];
            }
        }
        let d = lu_[i * n + i];
        for c in 0..k {
            x[i * k + c] = x[i * k + c] / d;
        }
    }
    Ok(x)
}

/// Factors each matrix of a batch and maps it through `f`; the results are concatenated
/// into a tensor of shape `batch + [len of f's output]`.
type LuFn<'a, T> = dyn Fn(&[T], bool, (usize, &[usize])) -> Result<Vec<T>> + 'a;

fn lu_map<T: Float>(
    x: &Tensor,
    n: usize,
    batch: &[usize],
    f: impl Fn(&[T], bool, (usize, &[usize])) -> Result<Vec<T>>,
) -> Result<Tensor> {
    let f: &LuFn<'_, T> = &f;
    let data = x.contiguous()?.to_vec::<T>()?;
    let mut out = Vec::new();
    let count: usize = batch.iter().product();
    let mut per = 0;
    for bi in 0..count {
        let mut m = data[bi * n * n..(bi + 1) * n * n].to_vec();
        let (piv, odd, _) = lu(&mut m, n);
        let r = f(&m, odd, (bi, &piv))?;
        per = r.len();
        out.extend(r);
    }
    let mut shape: Vec<usize> = batch.to_vec();
    if per > 1 {
        shape.push(per);
    }
    Tensor::from_slice(&out, &shape)
}

/// Matrix products as autograd records them.
impl Tensor {
    fn mat_rec(
        &self,
        other: &Tensor,
        kind: MatKind,
        f: impl FnOnce() -> Result<Tensor>,
    ) -> Result<Tensor> {
        graph::op(&[Some(self), Some(other)], f, |r, _| {
            let (na, nb) = (r.needs(0), r.needs(1));
            GradFn::Mat {
                kind,
                a: r.save_if(nb, self),
                b: r.save_if(na, other),
                transposed: [self.is_transposed_matrix(), other.is_transposed_matrix()],
            }
        })
    }

    /// `torch.mm(a, b)`: two matrices.
    pub fn mm(&self, other: &Tensor) -> Result<Tensor> {
        self.mat_rec(other, MatKind::Mm, || self.mm_raw(other))
    }

    /// `torch.bmm(a, b)`: batches of matrices of one batch size.
    pub fn bmm(&self, other: &Tensor) -> Result<Tensor> {
        self.mat_rec(other, MatKind::Bmm, || self.bmm_checked(other))
    }

    /// `torch.mv(a, v)`: matrix times vector.
    pub fn mv(&self, v: &Tensor) -> Result<Tensor> {
        self.mat_rec(v, MatKind::Mv, || self.mv_raw(v))
    }

    /// `torch.dot(a, b)`: two vectors.
    pub fn dot(&self, other: &Tensor) -> Result<Tensor> {
        self.mat_rec(other, MatKind::Dot, || self.dot_raw(other))
    }

    fn addmm_rec(
        &self,
        m1: &Tensor,
        m2: &Tensor,
        beta: Scalar,
        alpha: Scalar,
        batched: bool,
        f: impl FnOnce() -> Result<Tensor>,
    ) -> Result<Tensor> {
        graph::op(&[Some(self), Some(m1), Some(m2)], f, |r, _| {
            let (n1, n2) = (r.needs(1), r.needs(2));
            GradFn::Addmm {
                m1: r.save_if(n2, m1),
                m2: r.save_if(n1, m2),
                beta,
                alpha,
                batched,
                transposed: [m1.is_transposed_matrix(), m2.is_transposed_matrix()],
            }
        })
    }

    /// A 2-D tensor laid out as the transpose of a contiguous one (`w.t()`).
    fn is_transposed_matrix(&self) -> bool {
        let (shape, strides) = (self.shape(), self.layout().strides());
        shape.len() == 2 && shape[0] > 1 && shape[1] > 1 && strides == [1, shape[0]]
    }

    /// `torch.addmm(input, m1, m2, beta, alpha)`: `beta * input + alpha * (m1 @ m2)`.
    pub fn addmm(&self, m1: &Tensor, m2: &Tensor, beta: Scalar, alpha: Scalar) -> Result<Tensor> {
        self.addmm_rec(m1, m2, beta, alpha, false, || {
            self.addmm_raw(m1, m2, beta, alpha)
        })
    }

    /// `torch.baddbmm(input, b1, b2, beta, alpha)`.
    pub fn baddbmm(&self, b1: &Tensor, b2: &Tensor, beta: Scalar, alpha: Scalar) -> Result<Tensor> {
        self.addmm_rec(b1, b2, beta, alpha, true, || {
            self.baddbmm_raw(b1, b2, beta, alpha)
        })
    }
}
