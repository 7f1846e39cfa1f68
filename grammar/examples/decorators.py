def twice(f):
    def g(x):
        return f(f(x))
    return g
def tagged(name):
    def wrap(f):
        return f
    return wrap

@twice
@tagged("inc")
def inc(x):
    return x + 1

print(inc(0))
