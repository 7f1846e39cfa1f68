# augmented assignment on names, subscripts and attributes
x = 10
x += 5
x -= 3
x *= 2
x //= 5
x %= 3
x **= 4
print(x)
f = 7.0
f /= 2
f -= 0.5
print(f)
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1, 2, 3]
alias = lst
lst += [4]
print(alias, lst is alias)
t = (1, 2)
t2 = t
t += (3,)
print(t, t2)
lst[0] += 10
lst[-1] *= 3
print(lst)
m = [[1, 2], [3, 4]]
m[1][0] -= 3
print(m)
d = {"n": 1}
d["n"] += 1
d["n"] *= 5
print(d["n"])
class Box:
    def __init__(self):
        self.v = 1
        self.items = []
b = Box()
b.v += 41
b.items += ["x"]
b.v //= 2
print(b.v, b.items)
counts = {}
for ch in "banana":
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items()))
