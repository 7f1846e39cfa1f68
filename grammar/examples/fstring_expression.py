a = [1, 2, 3]
d = {"k": 1}
print(f"{len(a) * 2} {d['k']} {a[1:]} {(lambda v: v + 1)(1)} {1, 2} {a[0] if a else None}")
