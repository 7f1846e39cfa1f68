import torch
a=torch.tensor([1,2,3]); b=torch.tensor([4,5])
x,y=torch.meshgrid(a,b)
print(x); print(y)
x,y=torch.meshgrid(a,b,indexing='xy'); print(x, y.dtype)
print(torch.meshgrid([a,b], indexing='ij')[0].shape)
print(torch.meshgrid(a, indexing='ij'))
for bad in [lambda: torch.meshgrid(torch.zeros(2,2), a, indexing='ij'), lambda: torch.meshgrid(a, b, indexing='zz'), lambda: torch.meshgrid(a, b.float(), indexing='ij'), lambda: torch.meshgrid(indexing='ij')]:
  try: bad()
  except Exception as e: print(type(e).__name__, e)
print(torch.meshgrid(torch.tensor(3), a, indexing='xy'))
print(x.is_contiguous(), x.stride(), y.stride())
g = torch.meshgrid(torch.linspace(0, 1, 3), torch.linspace(0, 2, 2), torch.arange(2.), indexing='xy')
print([t.shape for t in g], g[2][1, 2])

# Contours autoscale to the grid's extent, with no margins; later artists add theirs.
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt


def lims():
    return [round(float(v), 6) for v in plt.xlim() + plt.ylim()]


gx = torch.linspace(-2, 2, 30)
gy = torch.linspace(-1, 3, 20)
X, Y = torch.meshgrid(gx, gy, indexing="xy")
Z = torch.sin(X) * torch.cos(Y)
plt.figure()
plt.contourf(X, Y, Z)
print("contourf xy", lims())
plt.figure()
Xi, Yi = torch.meshgrid(gx, gy, indexing="ij")
plt.contour(Xi, Yi, Xi * Yi)
print("contour ij", lims())
plt.figure()
plt.contourf(torch.rand(5, 7))
print("contourf Z", lims())
plt.figure()
plt.contour(gx, gy, Z, levels=[-0.5, 0, 0.5], colors="k")
plt.scatter([3.0], [4.0])
print("with scatter", lims())
fig, ax = plt.subplots()
ax.contourf(torch.arange(4.0), torch.arange(3.0), torch.arange(12.0).reshape(3, 4), levels=4)
print("axes", [round(float(v), 6) for v in ax.get_xlim() + ax.get_ylim()])

for bad in [
    lambda: plt.contourf(torch.zeros(3)),
    lambda: plt.contour(torch.zeros(3), torch.zeros(2), torch.zeros(2, 4)),
    lambda: plt.contour(torch.zeros(4), torch.zeros(3), torch.zeros(2, 4)),
    lambda: plt.contourf(torch.rand(3, 3), levels=[2, 1]),
    lambda: plt.contourf(torch.rand(3, 3), levels=[1]),
    lambda: plt.contourf(torch.rand(3, 3), colors="k", cmap="viridis"),
]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
