# Categorical axes, reference lines, fill_between, errorbar, text, ticks and legend(loc=,
# labels): limits and tick labels as matplotlib has them (colours: tests in src/eval/plt.rs). The oracle is matplotlib.
import torch
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt


def lims(ax):
    return [round(float(v), 6) for v in ax.get_xlim() + ax.get_ylim()]


def labels(ax):
    return [t.get_text() for t in ax.get_xticklabels()]


# Category names place the data at 0, 1, 2, … in order of first appearance.
fig, ax = plt.subplots()
ax.bar(["cat", "dog", "bird"], [3, 5, 2])
print("bar categories", lims(ax), labels(ax))
fig, ax = plt.subplots()
ax.plot(["mon", "tue", "mon", "wed"], [1, 2, 3, 4])
print("plot categories", lims(ax), labels(ax))
fig, ax = plt.subplots()
ax.scatter(["a", "b"], [1, 2])
ax.scatter(["b", "c"], [3, 4])
print("scatter categories", lims(ax), labels(ax))

# barh: bars along x from a sticky 0; names on the y axis.
fig, ax = plt.subplots()
ax.barh(["cat", "dog", "fox"], torch.tensor([0.6, 0.3, 0.1]))
print("barh", lims(ax), [t.get_text() for t in ax.get_yticklabels()])
fig, ax = plt.subplots()
ax.barh([1, 2], [-2, 5], height=0.5, align="edge", alpha=0.5, edgecolor="k")
print("barh numbers", lims(ax))

# Nested lists of numbers are still 2-D data: one line per column.
fig, ax = plt.subplots()
ax.plot([[1, 2], [3, 4], [5, 7]])
print("2-D list", lims(ax))

# Reference lines take in only their own axis.
fig, ax = plt.subplots()
ax.axhline(2)
print("axhline alone", lims(ax))
fig, ax = plt.subplots()
ax.plot([0, 10], [0, 1])
ax.axhline(2, color="r", linestyle="--")
ax.axvline(12)
print("with lines", lims(ax))

# fill_between: no sticky edges; y2 defaults to 0; where= leaves gaps.
fig, ax = plt.subplots()
ax.fill_between([0, 1, 2], [1, 3, 2])
print("fill", lims(ax))
fig, ax = plt.subplots()
x = torch.linspace(0, 2, 5)
ax.plot(x, x ** 2)
ax.fill_between(x, x ** 2 - 0.5, x ** 2 + 0.5, alpha=0.3)
print("band", lims(ax))
fig, ax = plt.subplots()
ax.fill_between([0, 1, 2, 3], 1, [2, 3, 4, 5], where=[True, True, False, False])
print("where", lims(ax))

# errorbar: symmetric, per point, and (2, n) asymmetric.
fig, ax = plt.subplots()
ax.errorbar([1, 2, 3], [1, 2, 3], yerr=[0.5, 0.5, 1])
print("errorbar", lims(ax))
fig, ax = plt.subplots()
ax.errorbar([1, 2, 3], [1, 2, 3], yerr=0.2, xerr=0.1, fmt="o", capsize=3)
print("errorbar x and y", lims(ax))
fig, ax = plt.subplots()
ax.errorbar(torch.tensor([0., 1.]), torch.tensor([5., 6.]), yerr=torch.tensor([[1., 2.], [0.5, 0.25]]))
print("errorbar asymmetric", lims(ax))

# text does not move the limits.
fig, ax = plt.subplots()
ax.plot([0, 1])
t = ax.text(5, 5, "far away", ha="center", fontsize=12, color="gray")
print("text", lims(ax), t.get_text())

# Fixed ticks: positions, labels, [] hides them.
fig, ax = plt.subplots()
ax.plot([0, 1])
ax.set_xticks([0, 0.5, 1], ["start", "middle", "end"])
print("set_xticks", labels(ax), lims(ax))
plt.figure()
plt.plot([0, 1, 2])
plt.xticks([0, 1, 2], ["a", "b", "c"], rotation=90)
plt.yticks([])
fig = plt.gcf()
print("xticks", labels(plt.gca()), [t.get_text() for t in plt.gca().get_yticklabels()])
plt.figure()
plt.plot([0, 1, 2])
plt.xticks([0, 0.5, 2])
print("xticks numbers", labels(plt.gca()))
plt.close("all")

# Options: alpha, edges, marker sizes; bins as edges; align='edge'; log helpers.
fig, ax = plt.subplots()
n, bins, _ = ax.hist(torch.tensor([0.5, 1.5, 2.0, 2.9, 3.0, 5.0, 6.0]), bins=[0, 1, 3, 6], alpha=0.5, edgecolor="black")
print("hist edges", n.tolist(), bins.tolist(), lims(ax))
fig, ax = plt.subplots()
ax.bar([0, 1, 2], [1, 2, 3], width=0.5, align="edge", alpha=0.3, edgecolor="k")
print("bar edge", lims(ax))
fig, ax = plt.subplots()
ax.plot([1, 2, 3], [1, 4, 9], "o-", markersize=3, alpha=0.5)
ax.scatter([1, 2], [3, 4], alpha=0.2, marker="x")
print("options", lims(ax))
fig, ax = plt.subplots()
ax.semilogy([1, 2, 3], [1, 10, 100])
print("semilogy", ax.get_xscale(), ax.get_yscale(), lims(ax))
fig, ax = plt.subplots()
ax.loglog([1, 10, 100], [1, 10, 100])
print("loglog", ax.get_xscale(), ax.get_yscale(), lims(ax))
fig, ax = plt.subplots()
ax.imshow(torch.zeros(2, 8), aspect="auto", interpolation="nearest")
print("imshow auto", lims(ax))

# legend: labels in order or from label=; loc by name or code.
fig, ax = plt.subplots()
ax.plot([1, 2], label="rising")
ax.plot([2, 1])
ax.legend(["up", "down"], loc="lower center")
ax.legend(loc=2)
ax.legend(loc="best")

# Mistakes are errors.
for bad in [
    lambda: ax.legend(loc="top"),
    lambda: ax.errorbar([1, 2], [1, 2], yerr=[-1, 1]),
    lambda: ax.errorbar([1, 2], [1, 2], yerr=[1, 1, 1]),
    lambda: ax.set_xticks([0, 1], ["one"]),
    lambda: ax.bar(["a", 1], [1, 2]),
    lambda: ax.plot([1, 2], alpha=2),
    lambda: ax.hist([1, 2], bins=[2, 1]),
    lambda: ax.bar([1], [1], align="left"),
    lambda: ax.barh([1, 2], [1, 2, 3]),
]:
    try:
        bad()
        print("no error")
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
