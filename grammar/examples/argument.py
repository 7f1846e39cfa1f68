def f(*args, **kw):
    return len(args), len(kw)
xs = [1, 2]
print(f(1, *xs, key=2, **{"k": 3}), sum(x * x for x in xs))
