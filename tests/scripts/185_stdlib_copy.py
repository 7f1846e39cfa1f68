# copy: shallow and deep copies of containers, instances, hooks, memo/cycles
import copy

a = [1, [2, 3], {"k": [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
a[1].append(99)
a[2]["k"].append(5)
print(s)
print(d)
print(s is a, s[1] is a[1], d[1] is a[1])

t = (1, 2, 3)
print(copy.copy(t) is t, copy.deepcopy(t) is t)
t2 = (1, [2])
dt2 = copy.deepcopy(t2)
print(dt2, dt2 is t2, dt2[1] is t2[1])

st = {1, 2, 3}
print(sorted(copy.copy(st)), copy.copy(st) is st)

dd = {"a": [1], "b": {"c": (1, [2])}}
cd = copy.deepcopy(dd)
dd["b"]["c"][1].append(3)
print(dd)
print(cd)

# shared references stay shared
shared = [0]
pair = [shared, shared]
cp = copy.deepcopy(pair)
print(cp[0] is cp[1], cp[0] is shared)

# cycles
cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[1] is cc, cc is cyc)
dcyc = {}
dcyc["self"] = dcyc
dc = copy.deepcopy(dcyc)
print(dc["self"] is dc)

# atoms
for x in [None, 1, "s", True]:
    print(repr(copy.copy(x)), copy.deepcopy(x) is x)
print(copy.copy(2.5), copy.deepcopy(2.5))


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.tags = []

    def __repr__(self):
        return "Point(%r, %r, %r)" % (self.x, self.y, self.tags)


p = Point(1, 2)
p2 = copy.copy(p)
p3 = copy.deepcopy(p)
p.tags.append("t")
p.x = 10
print(p, p2, p3)
print(p2.tags is p.tags, p3.tags is p.tags, type(p3).__name__)


class Hooked:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print("__copy__ called")
        return Hooked(self.v + 1)

    def __deepcopy__(self, memo):
        print("__deepcopy__ called", type(memo).__name__)
        return Hooked(copy.deepcopy(self.v, memo) * 2)


h = Hooked(5)
print(copy.copy(h).v)
print(copy.deepcopy(h).v)
print(copy.deepcopy([h, h])[0].v)


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
        self.parent = None


root = Node("root")
child = Node("child")
child.parent = root
root.children.append(child)
r2 = copy.deepcopy(root)
print(r2.name, r2.children[0].name, r2.children[0].parent is r2, r2 is root)

memo = {}
x = [1, 2]
y1 = copy.deepcopy(x, memo)
y2 = copy.deepcopy(x, memo)
print(y1 is y2, y1 == x)

config = {"lr": 0.1, "layers": [16, 32], "opts": {"momentum": 0.9}}
best = copy.deepcopy(config)
config["layers"][0] = 64
config["opts"]["momentum"] = 0.5
print(best, config)
print(copy.Error.__name__, copy.error is copy.Error)
