def f(*args, **kw):
    return args, kw
xs = [1, 2]
opts = {"b": 3}
print(f(), f(0, *xs, a=1, **opts), f(1,))
