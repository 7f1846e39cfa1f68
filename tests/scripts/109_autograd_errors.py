# autograd error messages: non-scalar backward, double backward, in-place on leaves and saved tensors, int requires_grad
import torch
def check(name, f):
    try:
        r = f()
        print(name, "ok", r)
    except RuntimeError as e:
        print(name, "RuntimeError:", e)
x = torch.tensor([1.0, 2.0], requires_grad=True)
check("non-scalar", lambda: (x * 2).backward())
check("non-scalar grad", lambda: torch.autograd.grad(x * x, x))
y = (x * x).sum()
y.backward()
check("twice", lambda: y.backward())
z = (x + 1).sum()
z.backward()
check("twice nothing saved", lambda: z.backward())
print(x.grad)
check("leaf add_", lambda: x.add_(1))
check("leaf mul_", lambda: x.mul_(2))
check("leaf view", lambda: x[0:1].zero_())
def setitem():
    x[0] = 5.0
check("leaf setitem", setitem)
print(x)
check("int requires_grad", lambda: torch.tensor([1, 2], requires_grad=True))
check("int requires_grad_", lambda: torch.tensor([1, 2]).requires_grad_())
check("bool requires_grad_", lambda: torch.tensor([True]).requires_grad_())
check("arange int", lambda: torch.arange(3, requires_grad=True))
check("arange float", lambda: torch.arange(3.0, requires_grad=True))
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a * 1
c = b * b
b.add_(1)
check("saved input modified", lambda: c.sum().backward())
s = a.sigmoid()
t = s * 3
s.mul_(2)
s.mul_(2)
check("saved output modified", lambda: t.sum().backward())
w = torch.ones(2)
p = a * w
w.add_(1)
check("saved plain tensor", lambda: p.sum().backward())
q = a * 2
r = q + 1
q.add_(1)
r.sum().backward()
print("add saves nothing", a.grad)
check("no grad", lambda: torch.tensor([1.0, 2.0]).sum().backward())
with torch.no_grad():
    n = (a * 2).sum()
check("made under no_grad", lambda: n.backward())
check("detached", lambda: (a.detach() * 2).sum().backward())
u = torch.tensor([1.0], requires_grad=True)
check("unused input", lambda: torch.autograd.grad((a * a).sum(), [a, u]))
print(torch.autograd.grad((a * a).sum(), [a, u], allow_unused=True))
check("input without grad", lambda: torch.autograd.grad((a * a).sum(), [torch.ones(2)]))
check("gradient shape", lambda: (a * a).backward(torch.ones(3)))
check("non-leaf requires_grad_", lambda: (a * 2).requires_grad_(False))
def set_grad():
    a.grad = torch.ones(3)
check("grad wrong size", set_grad)
print(a.tolist(), (a * 2).sum().item(), a.grad)
