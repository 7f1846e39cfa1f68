# finally running on return, break and continue; return values and ordering
def with_return():
    try:
        print("in try")
        return "from try"
    finally:
        print("finally runs before return")
print(with_return())
def finally_overrides():
    try:
        return 1
    finally:
        print("cleanup")
print(finally_overrides())
for i in range(5):
    try:
        if i == 2:
            break
        print("loop", i)
    finally:
        print("finally", i)
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("always", i)
def nested():
    out = []
    try:
        try:
            out.append("a")
            return out
        finally:
            out.append("b")
    finally:
        out.append("c")
print(nested())
def exc_then_finally():
    try:
        raise KeyError("k")
    except KeyError:
        return "handled"
    finally:
        print("finally after except")
print(exc_then_finally())
count = 0
while True:
    try:
        count += 1
        if count == 3:
            break
    finally:
        print("while finally", count)
print("done", count)
