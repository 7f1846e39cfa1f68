base = {"a": 1}
d = {"b": 2, **base, "c": 3,}
print(d)
