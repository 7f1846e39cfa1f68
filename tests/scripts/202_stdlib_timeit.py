# timeit with callables; a fake clock makes the timings deterministic.
import timeit

calls = [0]
def stmt():
    calls[0] += 1

clock = [0.0]
def fake_timer():
    clock[0] += 0.125
    return clock[0]

print(timeit.timeit(stmt, number=10, timer=fake_timer), calls[0])
t = timeit.Timer(stmt, timer=fake_timer)
print(t.timeit(3), calls[0])
print(t.repeat(repeat=3, number=2), calls[0])
print(t.repeat(2, 1))
print(timeit.repeat(stmt, timer=fake_timer, repeat=2, number=4), calls[0])

setups = [0]
def setup():
    setups[0] += 1
print(timeit.timeit(stmt, setup, number=5, timer=fake_timer), setups[0])
print(timeit.Timer(stmt, setup=setup, timer=fake_timer).repeat(4, 1), setups[0])

# autorange on a clock that advances 0.03 per call of the statement
now = [0.0]
def slow():
    now[0] += 0.03
seen = []
def cb(number, taken):
    seen.append((number, round(taken, 6)))
t = timeit.Timer(slow, timer=lambda: now[0])
n, taken = t.autorange(cb)
print(n, round(taken, 6), seen)
print(timeit.Timer(slow, timer=lambda: now[0]).autorange())

# the real clock
real = timeit.timeit(lambda: sum(range(10)), number=100)
print(type(real).__name__, real >= 0)
r = timeit.repeat(lambda: None, number=10, repeat=3)
print(type(r).__name__, len(r), all(x >= 0 for x in r))
print(timeit.default_timer is not None, timeit.default_timer() >= 0, timeit.default_number, timeit.default_repeat)
print(timeit.timeit("pass", number=5) >= 0, timeit.Timer().timeit(3) >= 0)

try:
    timeit.Timer(5)
except Exception as e:
    print(type(e).__name__, e)
try:
    timeit.Timer(stmt, setup=3.5)
except Exception as e:
    print(type(e).__name__, e)
