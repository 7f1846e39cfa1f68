# del on names/list items/slices/dict keys, assert with message, pass
x = 10
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
xs = [0, 1, 2, 3, 4, 5]
del xs[0]
print(xs)
del xs[-1]
print(xs)
del xs[1:3]
print(xs)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(list(d.keys()))
def noop():
    pass
print(noop())
class Empty:
    pass
e = Empty()
e.v = 5
print(e.v)
del e.v
print(hasattr(e, "v"))
assert 1 + 1 == 2
assert True, "never shown"
try:
    assert 2 + 2 == 5, "math is broken"
except AssertionError as err:
    print("AssertionError:", err)
try:
    assert False
except AssertionError as err:
    print("bare assert message:", repr(str(err)))
for i in range(3):
    if i == 1:
        pass
    else:
        print("i", i)
a, b = 1, 2
del a, b
print("deleted both")
