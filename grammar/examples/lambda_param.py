f = lambda a, b=1, *rest, key=None, **extra: (a, b, rest, key, extra)
g = lambda *, only: only
print(f(1, 2, 3, key=4, x=5), g(only=1))
