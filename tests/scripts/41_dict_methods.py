# dict methods: keys, values, items, get, setdefault, pop, update, in, insertion order
d = {"b": 2, "a": 1}
d["c"] = 3
print(d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.setdefault("a", 100), d.setdefault("new", []), d)
d["new"].append(1)
print(d["new"])
print(d.pop("b"), d.pop("zz", "default"), d)
d.update({"a": 10, "d": 4})
d.update(e=5)
print(d)
print("a" in d, "b" in d, 10 in d.values(), ("a", 10) in d.items())
for k in d:
    print(k, d[k])
print(len(d), len({}))
d2 = dict([("x", 1), ("y", 2)])
d3 = dict(p=1, q=2)
print(d2, d3, dict(d2, z=3))
d["a"] = 0
print(list(d))
del d["a"]
d["a"] = 1
print(list(d))
print({1: "int", 1.5: "float", "s": "str", (1, 2): "tuple"})
counts = {}
for w in "to be or not to be".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
c = d.copy()
c["zzz"] = 0
print(len(d), len(c))
c.clear()
print(c)
print({"k": [1, 2], "n": {"inner": True}})
print(dict.fromkeys(["a", "b"], 0))
