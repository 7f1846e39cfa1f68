# isinstance with tuples, type(x).__name__, hasattr/getattr/setattr, type comparisons
values = [1, 2.5, "s", True, None, [1], (1,), {"a": 1}, {1}]
for v in values:
    print(type(v).__name__, isinstance(v, (int, float)), isinstance(v, (list, tuple)))
print(isinstance(True, bool), isinstance(1, bool), type(True) is bool, type(1) == int)
print(type(3) is int, type(3.0) is float, type("") is str)
class Config:
    lr = 0.1
    def __init__(self):
        self.epochs = 3
c = Config()
print(hasattr(c, "lr"), hasattr(c, "epochs"), hasattr(c, "missing"))
print(getattr(c, "lr"), getattr(c, "epochs"), getattr(c, "missing", "fallback"))
setattr(c, "batch", 32)
print(c.batch, hasattr(c, "batch"))
setattr(c, "lr", 0.01)
print(c.lr, Config.lr)
for attr in ["lr", "epochs", "batch"]:
    print(attr, getattr(c, attr))
try:
    getattr(c, "nope")
except AttributeError as e:
    print("AttributeError:", e)
print(type(c).__name__, Config.__name__, isinstance(c, Config))
print(hasattr("abc", "upper"), hasattr(5, "upper"))
print(getattr("abc", "upper")())
print(callable(len), callable(c), callable(Config))
def f():
    pass
print(type(f).__name__)
