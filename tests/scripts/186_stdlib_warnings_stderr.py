# warnings: warn, filters (ignore/error/always/default/once), catch_warnings(record=True), categories
import warnings


def emit(msg="careful", category=UserWarning):
    warnings.warn(msg, category)


with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("first warning")
    emit("second", RuntimeWarning)
    warnings.warn("deprecated thing", DeprecationWarning)
    warnings.warn(FutureWarning("instance message"))
print(len(w))
for item in w:
    print(item.category.__name__, str(item.message), type(item.message).__name__, isinstance(item.message, Warning))
print(issubclass(w[0].category, UserWarning), isinstance(w[1].lineno, int))

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("ignore")
    warnings.warn("ignored")
print("ignored ->", len(w))

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error")
    except UserWarning as e:
        print("raised", type(e).__name__, e)
    try:
        warnings.warn("runtime problem", RuntimeWarning)
    except RuntimeWarning as e:
        print("raised", type(e).__name__, e)

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("default")
    for i in range(3):
        warnings.warn("loop warning")
print("default action in a loop ->", len(w))

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("once")
    for i in range(3):
        warnings.warn("once warning")
    emit("once warning")
print("once ->", len(w))

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    warnings.warn("dep", DeprecationWarning)
    warnings.warn("user", UserWarning)
    warnings.filterwarnings("ignore", message="skip me")
    warnings.warn("skip me please")
    warnings.warn("keep me")
print([str(x.message) for x in w])

with warnings.catch_warnings(record=True) as w:
    warnings.resetwarnings()
    warnings.warn("after reset")
    warnings.warn("future", FutureWarning)
print([(x.category.__name__, str(x.message)) for x in w])

for cls in (Warning, UserWarning, DeprecationWarning, RuntimeWarning, FutureWarning, PendingDeprecationWarning):
    print(cls.__name__, issubclass(cls, Warning), issubclass(cls, Exception))

print(warnings.formatwarning("msg text", UserWarning, "script.py", 12, "x = f()"), end="")
print(warnings.formatwarning("other", RuntimeWarning, "mod.py", 3, ""), end="")
try:
    warnings.simplefilter("bogus")
except AssertionError as e:
    print(type(e).__name__, e)
try:
    warnings.filterwarnings("loud")
except AssertionError as e:
    print(type(e).__name__, e)

# outside catch_warnings: printed to stderr once per location (not compared)
for i in range(2):
    warnings.warn("to stderr")
warnings.warn("to stderr as runtime", RuntimeWarning)
print("done")
