# custom exception classes, hierarchy, catching base class, attributes on exceptions
class AppError(Exception):
    pass
class ConfigError(AppError):
    def __init__(self, key, detail="missing"):
        super().__init__("config key " + repr(key) + " is " + detail)
        self.key = key
class ShapeError(AppError):
    pass
def load(key):
    if key == "lr":
        return 0.1
    if key == "shape":
        raise ShapeError("expected 2 dims, got 3")
    raise ConfigError(key)
for key in ["lr", "epochs", "shape"]:
    try:
        print(key, load(key))
    except ConfigError as e:
        print("ConfigError:", e, "| key =", e.key)
    except AppError as e:
        print(type(e).__name__ + ":", e)
try:
    raise ConfigError("batch", "invalid")
except Exception as e:
    print(isinstance(e, AppError), isinstance(e, ConfigError), isinstance(e, ValueError))
    print(str(e))
class Retry(Exception):
    def __init__(self, attempts):
        self.attempts = attempts
        super().__init__("gave up after " + str(attempts))
attempt = 0
def flaky():
    global_state = [0]
    global_state[0] += 1
    raise Retry(3)
try:
    flaky()
except Retry as e:
    print(e, e.attempts)
def check(v):
    if v < 0:
        raise ValueError("negative value: " + str(v))
    return v
results = []
for v in [3, -1, 5]:
    try:
        results.append(check(v))
    except ValueError as e:
        results.append(str(e))
print(results)
try:
    try:
        raise ShapeError("inner")
    except ShapeError:
        raise AppError("converted")
except AppError as e:
    print(type(e).__name__, e)
