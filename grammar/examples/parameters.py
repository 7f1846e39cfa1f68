def f(a, b, /, c, d=4, *args, e, f=6, **kwargs):
    return a + b + c + d + e + f + len(args) + len(kwargs)
def g(*, key):
    return key
def h(x,):
    return x
print(f(1, 2, 3, e=5), g(key=1), h(1))
