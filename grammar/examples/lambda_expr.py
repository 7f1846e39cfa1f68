add = lambda a, b=2: a + b
const = lambda: 0
spread = lambda *args, **kw: (args, kw)
print(add(1), const(), spread(1, k=2))
