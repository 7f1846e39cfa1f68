# pyplot's state and return values (no drawing): limits with margins and sticky edges, hist
# counts, subplot grids, shared axes, getters, errors. The oracle is matplotlib.
import torch
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt


def lims(ax):
    return [round(float(v), 6) for v in ax.get_xlim() + ax.get_ylim()]


fig, ax = plt.subplots()
ax.plot([2], [3])
print("single", lims(ax))
fig, ax = plt.subplots()
ax.bar([1, 2], [3, 4])
print("bar", lims(ax))
fig, ax = plt.subplots()
ax.bar([1, 2], [-3, 4])
print("bar below zero", lims(ax))
fig, ax = plt.subplots()
ax.imshow(torch.arange(6.).reshape(2, 3))
print("imshow", lims(ax))
fig, ax = plt.subplots()
ax.plot([1, 10, 100], [1, 10, 1000])
ax.set_yscale("log")
print("log", lims(ax), ax.get_yscale(), ax.get_xscale())
fig, ax = plt.subplots()
ax.scatter(torch.tensor([1., 2.]), torch.tensor([3., 5.]))
print("scatter", lims(ax))
fig, ax = plt.subplots()
print("empty", lims(ax))
fig, ax = plt.subplots()
ax.plot([1, 2], [3, 5])
ax.plot([0, 4], [1, 1])
print("two lines", lims(ax))
ax.set_xlim(0, 5)
ax.set_ylim(bottom=-1)
print("set", lims(ax))
ax.set(title="loss", xlabel="epoch", ylabel="value", xlim=(1, 2))
print(ax.get_title(), ax.get_xlabel(), ax.get_ylabel(), lims(ax))
plt.close("all")

n, bins, patches = plt.hist(torch.tensor([1., 2., 2., 3., 10.]), bins=3)
print("hist", n.tolist(), bins.tolist())
n, bins, patches = plt.hist([0.5, 1.5, 1.5, 2.5], bins=2, range=(0, 4))
print("hist range", n.tolist(), bins.tolist())
print("hist lims", lims(plt.gca()))
plt.plot(torch.arange(5.) ** 2)
print("plot y only", [round(float(v), 6) for v in plt.ylim()])
plt.xlim(-1, 10)
print([round(float(v), 6) for v in plt.xlim()])
print(plt.get_fignums())
plt.close("all")
print(plt.get_fignums())

fig, axes = plt.subplots(2, 3)
print(axes.shape, axes.ndim, len(axes), len(axes.flat))
fig, axes = plt.subplots(1, 3)
print(axes.shape, axes.ndim, len(axes))
fig, axes = plt.subplots(3, 1)
print(axes.shape)
fig, axes = plt.subplots(2, 2, squeeze=False)
print(axes.shape)
fig, ax = plt.subplots()
print(type(ax).__name__)

fig, axes = plt.subplots(2, 1, sharex=True)
axes[0].plot([0, 10], [0, 1])
axes[1].plot([0, 1], [0, 1])
print("sharex", lims(axes[0]), lims(axes[1]))
fig, axes = plt.subplots(1, 2, sharey=True)
axes[0].plot([0, 1], [0, 100])
axes[1].plot([0, 1], [0, 1])
print("sharey", lims(axes[1]))

try:
    plt.plot([1, 2], [1, 2, 3])
except ValueError as e:
    print("ValueError:", e)
try:
    plt.yscale("cubic")
except ValueError as e:
    print("ValueError")
try:
    plt.savefig("figure.unknownformat")
except ValueError as e:
    print("ValueError")
plt.close("all")
