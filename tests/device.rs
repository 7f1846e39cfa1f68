//! One suite on every device. Each test runs a script on "cpu" and on "cuda:0"; the script
//! computes each op on the CPU and on the test's device and requires the same values (and
//! the result on the device asked for), so a CUDA run checks every kernel family against
//! the CPU backend. CUDA runs skip where no GPU can be used, and fail instead where
//! NABLA_REQUIRE_CUDA=1 (the GPU machine's run).

use nabla::eval::{Capture, Session};

/// Whether the CUDA variant runs here.
fn cuda_or_skip() -> bool {
    match nabla::backend::cuda_availability() {
        Ok(_) => true,
        Err(why) => {
            assert!(
                std::env::var("NABLA_REQUIRE_CUDA").as_deref() != Ok("1"),
                "NABLA_REQUIRE_CUDA=1 but CUDA cannot be used: {why}"
            );
            eprintln!("skipped on cuda: {why}");
            false
        }
    }
}

/// The helpers every script starts with: `check(name, f, *inputs)` runs `f` on the CPU
/// inputs and on copies on `dev`, and compares.
const PRELUDE: &str = r#"
import torch
import torch.nn as nn
import torch.nn.functional as F

def same(got, ref, name, atol, rtol):
    if isinstance(got, (tuple, list)):
        for g, r in zip(got, ref):
            same(g, r, name, atol, rtol)
        return
    assert got.device.type == dev.split(":")[0], name + ": result on " + str(got.device)
    assert got.dtype == ref.dtype, name + ": dtype " + str(got.dtype) + " vs " + str(ref.dtype)
    assert got.shape == ref.shape, name + ": shape " + str(got.shape) + " vs " + str(ref.shape)
    g = got.cpu()
    if ref.dtype.is_floating_point:
        ok = torch.allclose(g.double(), ref.double(), atol=atol, rtol=rtol, equal_nan=True)
    else:
        ok = torch.equal(g, ref)
    assert ok, name + ": " + str(g) + " vs " + str(ref)

def check(name, f, *xs, atol=1e-5, rtol=1e-4):
    ref = f(*xs)
    got = f(*[x.to(dev) for x in xs])
    same(got, ref, name, atol, rtol)
"#;

fn run(device: &str, body: &str) {
    let src = format!("dev = {device:?}\n{PRELUDE}\n{body}");
    let mut s = Session::with_sink(Box::new(Capture::default()));
    if let Err(e) = s.run_file("device_test.py", &src) {
        panic!("on {device}: {}: {}\n{}", e.ename, e.evalue, e.report);
    }
}

macro_rules! test_device {
    ($name:ident, $body:expr) => {
        mod $name {
            #[test]
            fn cpu() {
                super::run("cpu", $body);
            }
            #[test]
            fn cuda() {
                if super::cuda_or_skip() {
                    super::run("cuda:0", $body);
                }
            }
        }
    };
}

test_device!(
    moving_and_printing,
    r#"
x = torch.arange(6, dtype=torch.float32).reshape(2, 3)
y = x.to(dev)
assert str(y.device) == dev
assert y.is_cuda == (dev != "cpu")
assert torch.equal(y.cpu(), x)
assert y.sum().item() == 15.0
assert y[1, 2].item() == 5.0
assert y.tolist() == [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]
z = torch.zeros(2, 2, device=dev)
assert str(z.device) == dev and z.sum().item() == 0.0
if dev != "cpu":
    assert repr(y).endswith("device='cuda:0')"), repr(y)
    assert torch.cuda.memory_allocated() > 0
    assert torch.cuda.max_memory_allocated() >= torch.cuda.memory_allocated()
    assert len(torch.cuda.get_device_name()) > 0
    torch.cuda.synchronize()
"#
);

test_device!(
    elementwise,
    r#"
a = torch.tensor([[-1.5, 0.25, 2.0], [3.0, -0.5, 0.75]])
b = torch.tensor([[0.5, -2.0, 1.5], [2.0, 0.25, -1.0]])
for f in [torch.exp, torch.tanh, torch.sigmoid, torch.abs, torch.neg, torch.sin, torch.floor, torch.round, torch.erf, torch.relu]:
    check(str(f), f, a)
    check(str(f) + " f64", f, a.double())
check("sqrt", lambda x: torch.sqrt(x.abs()), a)
check("log", lambda x: torch.log(x.abs()), a)
check("add", lambda x, y: x + y, a, b)
check("sub", lambda x, y: x - y, a, b)
check("mul", lambda x, y: x * y, a, b)
check("div", lambda x, y: x / y, a, b)
check("pow", lambda x, y: x.abs() ** y, a, b)
check("max", torch.maximum, a, b)
check("min", torch.minimum, a, b)
check("atan2", torch.atan2, a, b)
check("floor_divide", lambda x, y: torch.floor_divide(x, y), a, b)
check("remainder", lambda x, y: torch.remainder(x, y), a, b)
check("scalar", lambda x: x * 2 + 1 - x / 4, a)
check("broadcast", lambda x, y: x + y[0], a, b)
check("transposed", lambda x, y: x.t() * y.t(), a, b)
check("inplace", lambda x, y: x.clone().mul_(y).add_(1.0), a, b)
check("half", lambda x, y: (x.half() + y.half()).float(), a, b, atol=1e-2)
check("bfloat16", lambda x, y: (x.bfloat16() * y.bfloat16()).float(), a, b, atol=5e-2)
i = torch.tensor([[-7, 5, 9], [4, -3, 2]])
j = torch.tensor([[2, -3, 4], [3, 2, -1]])
check("int add", lambda x, y: x + y, i, j)
check("int floordiv", lambda x, y: x // y, i, j)
check("int remainder", lambda x, y: x % y, i, j)
check("int mul", lambda x, y: x * y, i, j)
check("int and", lambda x, y: x & y, i, j)
check("int xor", lambda x, y: x ^ y, i, j)
check("shift", lambda x: x << 2, i)
check("int to float", lambda x: x / 2, i)
check("compare", lambda x, y: (x > y, x == y, x <= 0.25), a, b)
check("where", lambda x, y: torch.where(x > y, x, y), a, b)
check("where scalar", lambda x: torch.where(x > 0, x, 0.0), a)
check("bool ops", lambda x, y: (x > 0) & (y > 0) | (x < -1), a, b)
check("clamp", lambda x: x.clamp(-1, 1), a)
check("masked_fill", lambda x: x.masked_fill(x < 0, -9.0), a)
check("0-dim cpu operand", lambda x: x * torch.tensor(3.0), a)
"#
);

test_device!(
    casts_and_copies,
    r#"
x = torch.tensor([[-2.5, 0.0, 1.75], [300.0, -1.0, 0.5]])
for d in [torch.float64, torch.float16, torch.bfloat16, torch.int64, torch.int32, torch.int16, torch.int8, torch.uint8, torch.bool]:
    check("to " + str(d), lambda t: t.to(d), x)
    check("from " + str(d), lambda t: t.to(d).float(), x)
check("contiguous", lambda t: t.t().contiguous(), x)
def setitem(t):
    t = t.clone()
    t[:, 1] = torch.tensor([5.0, 6.0], device=t.device)
    t[0, 0] = 9.0
    t[1] = 4
    return t
check("setitem", setitem, x)
check("zero_ fill_", lambda t: (t.clone().zero_(), t.clone().fill_(2.5)), x)
check("cat stack", lambda t: (torch.cat([t, t * 2], 1), torch.stack([t, t])), x)
check("expand copy", lambda t: t[0].expand(3, 3).clone(), x)
check("ones_like", lambda t: torch.ones_like(t) + torch.zeros_like(t), x)
"#
);

test_device!(
    reductions_and_softmax,
    r#"
torch.manual_seed(0)
x = torch.randn(4, 5, 6)
check("sum", lambda t: (t.sum(), t.sum(0), t.sum((1, 2)), t.sum(-1, keepdim=True)), x)
check("mean", lambda t: (t.mean(), t.mean(1)), x)
check("prod", lambda t: t.prod(2), x)
check("max min", lambda t: (t.max(), t.min(), t.amax(1), t.amin((0, 2))), x)
check("max dim", lambda t: tuple(t.max(1)), x)
check("argmax", lambda t: (t.argmax(), t.argmax(2), t.argmin(0)), x)
check("var std", lambda t: (t.var(1), t.std()), x)
check("norm", lambda t: t.norm(dim=2), x)
check("softmax", lambda t: (F.softmax(t, dim=-1), F.log_softmax(t, dim=1)), x)
check("softmax f64", lambda t: F.softmax(t.double(), dim=0), x)
check("long rows", lambda t: t.reshape(-1).softmax(0), x)
i = torch.tensor([[3, -1, 7], [2, 2, 0]])
check("int sum", lambda t: (t.sum(), t.sum(1), t.max(0).values, t.argmax(1)), i)
check("bool any all", lambda t: ((t > 0).any(), (t > 0).all(1), (t > 0).sum()), i)
check("cumsum", lambda t: t.cumsum(1), x)
check("sort", lambda t: tuple(t.sort(dim=-1)), x)
check("topk", lambda t: tuple(t.topk(2, dim=1)), x)
nan = torch.tensor([1.0, float("nan"), 3.0])
check("nan", lambda t: (t.max(), t.argmax(), t.sum()), nan)
"#
);

test_device!(
    matmul_and_indexing,
    r#"
torch.manual_seed(1)
a = torch.randn(3, 4)
b = torch.randn(4, 5)
check("mm", lambda x, y: x @ y, a, b, atol=1e-4)
check("mm t", lambda x, y: x.t() @ x, a, b, atol=1e-4)
check("bmm", lambda x, y: torch.bmm(x.expand(2, 3, 4), y.expand(2, 4, 5)), a, b, atol=1e-4)
check("matmul broadcast", lambda x, y: torch.matmul(x.reshape(1, 3, 4), y), a, b, atol=1e-4)
check("mv", lambda x, y: x @ y[:, 0], a, b, atol=1e-4)
check("mm f64", lambda x, y: x.double() @ y.double(), a, b)
check("mm half", lambda x, y: (x.half() @ y.half()).float(), a, b, atol=2e-2, rtol=1e-2)
check("mm bf16", lambda x, y: (x.bfloat16() @ y.bfloat16()).float(), a, b, atol=1e-1, rtol=5e-2)
check("mm int", lambda x, y: (x * 10).long() @ (y * 10).long(), a, b)
check("index_select", lambda x: (x.index_select(0, torch.tensor([2, 0, 2]).to(x.device)), x.index_select(1, torch.tensor([3, 1]).to(x.device))), a)
check("advanced index", lambda x: (x[torch.tensor([1, 2]).to(x.device)], x[:, [0, 3]], x[x > 0]), a)
check("gather", lambda x: x.gather(1, torch.tensor([[0], [3], [1]]).to(x.device)), a)
def put(x):
    x = x.clone()
    x[torch.tensor([0, 2]).to(x.device)] = 0.5
    x.index_add_(0, torch.tensor([1, 1]).to(x.device), torch.ones(2, 4).to(x.device))
    return x
check("index_put index_add", put, a)
check("scatter", lambda x: torch.zeros(3, 4, device=x.device).scatter_(1, torch.tensor([[1], [0], [2]]).to(x.device), x), a)
check("nonzero", lambda x: (x > 0).nonzero(), a)
check("embedding", lambda w: F.embedding(torch.tensor([[0, 2], [1, 1]]).to(w.device), w), a)
check("one_hot", lambda x: F.one_hot((x > 0).long().sum(1), 5), a)
check("cross_entropy", lambda x: F.cross_entropy(x, torch.tensor([1, 0, 3]).to(x.device)), a)
"#
);

test_device!(
    convolution_and_pooling,
    r#"
torch.manual_seed(2)
x = torch.randn(2, 3, 8, 8)
w = torch.randn(4, 3, 3, 3)
check("conv2d", lambda t, k: F.conv2d(t, k, padding=1), x, w, atol=1e-4)
check("conv2d stride", lambda t, k: F.conv2d(t, k, stride=2), x, w, atol=1e-4)
check("max_pool2d", lambda t: F.max_pool2d(t, 2), x)
check("avg_pool2d", lambda t: F.avg_pool2d(t, 2), x)
check("adaptive", lambda t: F.adaptive_avg_pool2d(t, 1), x)
check("batch_norm", lambda t: F.batch_norm(t, None, None, training=True), x, atol=1e-4)
"#
);

test_device!(
    autograd_and_training,
    r#"
torch.manual_seed(3)
x = torch.randn(8, 4)
y = torch.randint(0, 3, (8,))
def grads(xs, ys):
    torch.manual_seed(4)
    model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3)).to(xs.device)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for step in range(3):
        opt.zero_grad()
        loss = F.cross_entropy(model(xs), ys)
        loss.backward()
        opt.step()
    return [loss.detach()] + [p.detach() for p in model.parameters()]
check("mlp training", grads, x, y, atol=1e-4)
def adam(xs):
    torch.manual_seed(5)
    w = torch.randn(4, 2).to(xs.device).requires_grad_()
    opt = torch.optim.Adam([w], lr=0.01)
    for step in range(3):
        opt.zero_grad()
        ((xs @ w) ** 2).mean().backward()
        opt.step()
    return w.detach()
check("adam", adam, x, atol=1e-5)
def moved_grad(xs):
    a = xs.clone().requires_grad_()
    (a.to(dev) * 2).sum().backward()
    return a.grad
g = moved_grad(x)
assert g.device.type == "cpu" and torch.equal(g, torch.full((8, 4), 2.0))
"#
);

test_device!(
    mixing_devices,
    r#"
a = torch.ones(2, device=dev)
b = torch.ones(2)
if dev == "cpu":
    assert torch.equal(a + b, torch.full((2,), 2.0))
else:
    try:
        a + b
        assert False, "adding cuda and cpu tensors must fail"
    except RuntimeError as e:
        assert "cuda:0" in str(e) and "cpu" in str(e), str(e)
    assert (a * torch.tensor(2.0)).device.type == "cuda"
"#
);
