# try/except/else/finally, except (A, B) as e, raise, bare re-raise, nested handlers
def parse(s):
    try:
        v = int(s)
    except ValueError as e:
        print("  bad:", e)
        return None
    else:
        print("  ok:", v)
        return v
    finally:
        print("  finally for", repr(s))
print(parse("12"))
print(parse("x1"))
def risky(kind):
    if kind == 0:
        return 1 / 0
    if kind == 1:
        return [1][5]
    if kind == 2:
        return {"a": 1}["b"]
    return "fine"
for k in range(4):
    try:
        print(risky(k))
    except (ZeroDivisionError, IndexError) as e:
        print("caught arith/index:", type(e).__name__, e)
    except KeyError as e:
        print("caught key:", e)
def wrapper():
    try:
        raise ValueError("inner problem")
    except ValueError:
        print("logging then re-raising")
        raise
try:
    wrapper()
except ValueError as e:
    print("outer got:", e)
try:
    try:
        raise TypeError("t1")
    finally:
        print("inner finally")
except TypeError as e:
    print("outer caught", e)
try:
    raise RuntimeError
except RuntimeError as e:
    print(type(e).__name__, repr(str(e)))
try:
    int("5")
except ValueError:
    print("not printed")
else:
    print("else branch ran")
finally:
    print("finally branch ran")
