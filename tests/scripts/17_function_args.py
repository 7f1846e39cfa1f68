# default args, keyword args, *args, **kwargs, keyword-only args
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(greeting="Yo", name="Di"))
def total(*args):
    return len(args), sum(args)
print(total(), total(1), total(1, 2, 3))
def show(**kwargs):
    for k in sorted(kwargs):
        print(" ", k, "=", kwargs[k])
show(b=2, a=1, c=3)
def mixed(a, b=2, *rest, scale=1, **opts):
    return (a + b + sum(rest)) * scale, sorted(opts.items())
print(mixed(1))
print(mixed(1, 2, 3, 4))
print(mixed(1, scale=10, verbose=True))
def kwonly(x, *, flag=False, mode="fast"):
    return x, flag, mode
print(kwonly(1), kwonly(2, flag=True), kwonly(3, mode="slow", flag=True))
try:
    kwonly(1, True)
except TypeError:
    print("TypeError for positional kw-only")
args = [1, 2, 3]
print(total(*args))
opts = {"greeting": "Hey", "punct": "."}
print(greet("Ed", **opts))
def append_to(item, lst=None):
    if lst is None:
        lst = []
    lst.append(item)
    return lst
print(append_to(1), append_to(2))
def f(a, b, c):
    return a * 100 + b * 10 + c
print(f(1, *[2, 3]), f(*(4, 5), c=6))
