# pprint: pprint/pformat/pp/PrettyPrinter line breaking for nested containers and strings
import pprint

data = {
    "model": "resnet",
    "layers": [64, 128, 256, 512],
    "optimizer": {"name": "adam", "lr": 0.001, "betas": (0.9, 0.999), "eps": 1e-08},
    "schedule": [(0, 0.1), (10, 0.01), (20, 0.001)],
    "augment": True,
    "notes": None,
}
pprint.pprint(data)
pprint.pprint(data, width=40)
pprint.pprint(data, indent=4, width=50)
pprint.pprint(data, sort_dicts=False, width=60)
pprint.pp(data, width=60)
print(pprint.pformat(data, width=200))
print(pprint.pformat({"b": 1, "a": 2}))
print(pprint.pformat([]), pprint.pformat({}), pprint.pformat(()), pprint.pformat(set()))

nums = list(range(40))
pprint.pprint(nums)
pprint.pprint(nums, compact=True)
pprint.pprint(nums, width=30, compact=True)
pprint.pprint((1,))
pprint.pprint(tuple(range(30)), width=20)
pprint.pprint([(i, str(i) * 3) for i in range(12)], width=50)
pprint.pprint({i: [j for j in range(i)] for i in range(8)}, width=30)
pprint.pprint({"z": {1, 2, 3}, "a": set(range(25))}, width=40)
pprint.pprint([[1, 2, [3, 4, [5, 6, [7, 8]]]]] * 3, width=20)

text = "The quick brown fox jumps over the lazy dog. " * 4
pprint.pprint(text)
pprint.pprint([text], width=50)
pprint.pprint({"text": text, "short": "ok"}, width=60)
pprint.pprint("line one\nline two is a bit longer than the first one\nthree\n" * 2, width=30)

nested = {"level1": {"level2": {"level3": {"level4": [1, 2, 3]}}}}
pprint.pprint(nested, depth=2)
pprint.pprint(nested, depth=3, width=20)
print(pprint.saferepr(nested), pprint.isreadable(nested), pprint.isrecursive(nested))
print(pprint.isreadable(object()), pprint.saferepr({"b": [2, 1], "a": (3,)}))

pp = pprint.PrettyPrinter(indent=2, width=30)
pp.pprint(data["optimizer"])
print(pp.pformat(["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]))
print(repr(pprint.pformat("x" * 100, width=40)))
mixed = [1, "two", 3.0, None, True, {"k": "v"}, [1, [2, [3]]]]
pprint.pprint(mixed, width=25)
pprint.pprint({"k%02d" % i: i * 1.5 for i in range(10)})

for bad in [dict(indent=-1), dict(width=0), dict(depth=0)]:
    try:
        pprint.PrettyPrinter(**bad)
    except ValueError as e:
        print(type(e).__name__, e)
