# plt.rcParams / matplotlib.rcParams / plt.rc / rcdefaults: the settings nabla takes, read
# back; keys it does not take are errors. The oracle is matplotlib. (tests/plots.rs checks
# that new figures and artists take the settings.)
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

keys = ["figure.figsize", "figure.dpi", "axes.grid", "image.cmap", "lines.linewidth",
        "lines.markersize"]
print([plt.rcParams[k] for k in keys])
print(plt.rcParams is matplotlib.rcParams, "figure.dpi" in plt.rcParams)

plt.rcParams["figure.figsize"] = (8, 3)
plt.rcParams["figure.dpi"] = 50
print(plt.rcParams["figure.figsize"], plt.rcParams["figure.dpi"])
plt.rcParams.update({"lines.linewidth": 3, "lines.markersize": 9})
plt.rcParams.update(**{"axes.grid": True})
plt.rc("image", cmap="gray")
print([plt.rcParams[k] for k in keys], plt.rcParams.get("image.cmap"))
matplotlib.rcParams["figure.figsize"] = [5, 5]
print(plt.rcParams["figure.figsize"])

plt.rcdefaults()
print([plt.rcParams[k] for k in keys])

for f in [
    lambda: plt.rcParams["no.such.key"],
    lambda: plt.rcParams.update({"figure.dpi": 80, "bogus.key.x": 1}),
    lambda: plt.rc("figure", figsiz=(1, 2)),
]:
    try:
        f()
        print("no error")
    except KeyError as e:
        print("KeyError", e)
print(plt.rcParams["figure.dpi"])
