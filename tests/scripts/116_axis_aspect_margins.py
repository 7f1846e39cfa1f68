# axis() modes and what they return, limits after each, margins(), set_aspect/get_aspect and
# imshow's aspect, and their errors. The oracle is matplotlib.
import math
import torch
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt


def r(t):
    return [round(float(v), 6) for v in t]


def lims(ax):
    return r(ax.get_xlim() + ax.get_ylim())


t = torch.linspace(0, 2 * math.pi, 50)
for mode in ["equal", "scaled", "tight", "image", "square", "auto", "on", "off", "Equal"]:
    fig, ax = plt.subplots()
    ax.plot(torch.cos(t) * 2, torch.sin(t) + 1)
    print(mode, r(ax.axis(mode)), ax.get_aspect(), lims(ax))
plt.close("all")

# 'scaled' and 'tight' freeze the limits; 'equal' keeps autoscaling.
for mode in ["scaled", "tight", "equal"]:
    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 2])
    ax.axis(mode)
    ax.plot([0, 5], [0, 5])
    print(mode, "then more data", lims(ax))
# A mode after limits were set starts again from the data.
fig, ax = plt.subplots()
ax.plot([0, 1], [0, 2])
ax.set_xlim(-10, 10)
ax.axis("equal")
print("equal after xlim", lims(ax))
# Images: 'tight' and 'image' stop at the pixel edges.
fig, ax = plt.subplots()
ax.imshow(torch.arange(6.).reshape(2, 3))
print("image aspect", ax.get_aspect(), r(ax.axis("tight")))
fig, ax = plt.subplots()
ax.imshow(torch.arange(6.).reshape(2, 3), aspect="auto")
print("auto image", ax.get_aspect())
fig, ax = plt.subplots()
ax.imshow(torch.arange(6.).reshape(2, 3), aspect=0.5)
print("image 0.5", ax.get_aspect())
plt.close("all")

plt.figure()
plt.plot([1, 2, 3], [4, 5, 7])
print("axis()", r(plt.axis()))
print("axis list", r(plt.axis([0, 10, -1, 1])))
print("axis xmin", r(plt.axis(xmin=2)))
print("axis ymax", r(plt.axis(ymax=3)))
print("axis tuple", r(plt.axis((1, 2, 3, 4))))
plt.close("all")

# margins
plt.figure()
print("default margins", plt.margins())
plt.plot([0, 10], [0, 20])
print("auto", r(plt.xlim() + plt.ylim()))
plt.margins(0.0)
print("margins 0", plt.margins(), r(plt.xlim() + plt.ylim()))
plt.margins(0.5, 0.1)
print("margins 0.5 0.1", plt.margins(), r(plt.xlim() + plt.ylim()))
plt.margins(y=0.25)
print("margins y", plt.margins(), r(plt.xlim() + plt.ylim()))
ax = plt.gca()
ax.set_xmargin(0.2)
ax.set_ymargin(-0.25)
print("set_xmargin set_ymargin", ax.margins(), lims(ax))
plt.close("all")
fig, ax = plt.subplots()
ax.bar([1, 2], [3, 4])
ax.margins(0.2)
print("bars keep 0", lims(ax))
fig, ax = plt.subplots()
ax.plot([1, 10, 100], [1, 2, 3])
ax.set_xscale("log")
ax.margins(x=0.5)
print("log margins", lims(ax))
plt.close("all")

# set_aspect
fig, ax = plt.subplots()
print("new axes", ax.get_aspect())
ax.set_aspect("equal")
print("equal", ax.get_aspect())
ax.set_aspect(2)
print("2", ax.get_aspect())
ax.set_aspect(0.5, adjustable="datalim")
print("0.5 datalim", ax.get_aspect())
ax.set_aspect("auto")
print("auto", ax.get_aspect())
plt.close("all")

fig, ax = plt.subplots()
for f in [
    lambda: ax.set_aspect(-1),
    lambda: ax.set_aspect(0),
    lambda: ax.set_aspect(1, adjustable="x"),
    lambda: ax.axis("foo"),
    lambda: ax.axis([1, 2, 3]),
    lambda: plt.margins(-0.6),
    lambda: plt.margins(1, 2, 3),
    lambda: plt.margins(1, x=2),
]:
    try:
        f()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)

# invert_xaxis / invert_yaxis keep autoscaling the other way; limits set are swapped.
fig, ax = plt.subplots()
ax.plot([0, 1], [0, 2])
ax.invert_yaxis()
print("inverted", lims(ax), ax.yaxis_inverted(), ax.xaxis_inverted())
ax.plot([0, 3], [0, 5])
print("more data", lims(ax))
ax.invert_yaxis()
print("back", lims(ax), ax.yaxis_inverted())
ax.set_xlim(0, 10)
ax.invert_xaxis()
print("set then inverted", lims(ax), ax.xaxis_inverted())
fig, ax = plt.subplots()
ax.imshow(torch.zeros(2, 3))
ax.invert_yaxis()
print("image upright", lims(ax), ax.yaxis_inverted())
fig, ax = plt.subplots()
ax.invert_xaxis()
print("empty inverted", lims(ax))
plt.close("all")

# Figure.add_subplot
fig = plt.figure()
ax = fig.add_subplot(111)
ax.plot([1, 2, 3])
print("111", lims(ax), plt.gca() is ax)
fig = plt.figure()
a1 = fig.add_subplot(1, 2, 1)
a2 = fig.add_subplot(1, 2, 2)
a2.bar([1], [2])
a1.plot([5, 6])
print("1 2", lims(a1), lims(a2), plt.gca() is a2)
try:
    fig.add_subplot(1, 2, 3)
except Exception as e:
    print(type(e).__name__, e)

# annotate: the text object, and limits that do not move for annotations.
fig, ax = plt.subplots()
ax.plot([0, 1], [0, 1])
a = ax.annotate("peak", xy=(1, 1), xytext=(5, 5), arrowprops=dict(arrowstyle="->"))
b = plt.annotate("1.0", (1, 1), textcoords="offset points", xytext=(0, 10), ha="center")
print(a.get_text(), b.get_text(), lims(ax))
plt.close("all")

# step and drawstyle: the staircase keeps the points' limits.
fig, ax = plt.subplots()
lines = ax.step([0, 1, 3], [1, 2, 0], "o--", where="mid", label="s")
print(len(lines), lims(ax))
plt.step(torch.arange(4.), torch.tensor([3., 1., 2., 0.]), where="post")
plt.plot([0, 1], [5, 6], drawstyle="steps-pre")
print(lims(ax))
for f in [
    lambda: plt.step([1, 2], [1, 2], where="middle"),
    lambda: plt.plot([1, 2], drawstyle="stairs"),
]:
    try:
        f()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)
plt.close("all")
