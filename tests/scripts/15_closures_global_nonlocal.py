# global and nonlocal inside functions, closures, counter factories
count = 0
def bump():
    global count
    count += 1
    return count
bump()
bump()
print("global count", count)
def make_counter(start=0):
    n = start
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc
c1 = make_counter()
c2 = make_counter(100)
print(c1(), c1(), c1(5))
print(c2(), c1())
def make_adder(k):
    def add(x):
        return x + k
    return add
add3 = make_adder(3)
add10 = make_adder(10)
print(add3(1), add10(1), make_adder(-1)(0))
def outer():
    log = []
    def record(msg):
        log.append(msg)
    record("a")
    record("b")
    return log
print(outer())
def accumulator():
    total = 0
    items = []
    def add(v):
        nonlocal total
        total += v
        items.append(v)
        return total, len(items)
    return add
acc = accumulator()
acc(1)
acc(2)
print(acc(3))
def set_config():
    global config_value
    config_value = "set inside function"
set_config()
print(config_value)
def shadow():
    count = "local"
    return count
print(shadow(), count)
