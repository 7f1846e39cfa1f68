# late binding of closures in loops, default-arg capture, nested function scopes
fns = []
for i in range(3):
    fns.append(lambda: i)
print([f() for f in fns])
fns2 = []
for i in range(3):
    fns2.append(lambda i=i: i)
print([f() for f in fns2])
def make_multipliers():
    return [lambda x: x * k for k in range(4)]
print([m(2) for m in make_multipliers()])
def make_multipliers_fixed():
    return [lambda x, k=k: x * k for k in range(4)]
print([m(2) for m in make_multipliers_fixed()])
def builder():
    v = 1
    def get():
        return v
    v = 2
    return get
print(builder()())
x = "module"
def reader():
    return x
x = "changed"
print(reader())
def outer():
    y = "outer"
    def middle():
        def inner():
            return y
        return inner()
    return middle()
print(outer())
