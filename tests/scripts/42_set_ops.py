# sets: construction, add, discard, remove, |, &, -, ^, membership, comprehension (printed sorted)
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
a.add(10)
a.add(1)
a.discard(2)
a.discard(99)
print(sorted(a), len(a))
a.remove(10)
try:
    a.remove(10)
except KeyError as e:
    print("KeyError:", e)
print(3 in a, 2 in a, 7 not in a)
s = set("mississippi")
print(sorted(s), len(s))
print(sorted(set([3, 1, 3, 2, 1])))
e = set()
print(len(e), e)
e.add(5)
print(e)
print({1, 2} == {2, 1}, {1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2, 3} >= {3})
print(sorted({x * x % 7 for x in range(10)}))
u = {1}
u |= {2, 3}
u &= {2, 3, 4}
u -= {3}
print(u)
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)))
seen = set()
unique = []
for x in [3, 1, 3, 2, 1, 4]:
    if x not in seen:
        seen.add(x)
        unique.append(x)
print(unique)
print(sorted({"b", "a", "c"}))
