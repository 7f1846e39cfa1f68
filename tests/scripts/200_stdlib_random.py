# random: seeded streams match CPython bit for bit, and CPython's error messages.
import random

random.seed(12345)
print([round(random.random(), 12) for _ in range(3)])
print(random.randint(1, 10), random.randrange(10), random.randrange(5, 50, 5), random.randrange(10, 0, -3))
print(random.choice("abcdef"), random.uniform(2.0, 3.0))
xs = list(range(10))
random.shuffle(xs)
print(xs, random.sample(range(100), 5))

random.seed(7)
print(random.choices(["a", "b", "c"], k=6))
print(random.choices(["a", "b", "c"], weights=[10, 1, 1], k=6))
print(random.choices(["a", "b", "c"], cum_weights=[1, 2, 10], k=6))
print(random.choices([1, 2, 3]))

random.seed(2024)
print([random.gauss(0.0, 1.0) for _ in range(5)])
random.gauss()
random.seed(2024)      # seeding forgets gauss's cached value
print(random.gauss(), random.gauss(10, 2))
print([random.normalvariate(1.0, 0.5) for _ in range(3)])
print(random.lognormvariate(0.0, 0.25), random.expovariate(2.0))
print(random.triangular(), random.triangular(0, 10, 8), random.triangular(3, 3, 3))
print(random.vonmisesvariate(1.0, 4.0), random.vonmisesvariate(0.5, 0.0))
print([random.gammavariate(a, 2.0) for a in (0.5, 1.0, 3.0)])
print(random.betavariate(2.0, 5.0), random.paretovariate(3.0), random.weibullvariate(1.0, 1.5))

random.seed(-99)
a = random.random()
random.seed(99)
print(a == random.random())
random.seed(3.0)
b = random.random()
random.seed(3)
print(b == random.random())
random.seed()
print(0.0 <= random.random() < 1.0)

def err(f, *args, **kw):
    try:
        f(*args, **kw)
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)

err(random.randint, 5, 3)
err(random.randrange, 0)
err(random.randrange, 5, 5)
err(random.randrange, 1, 10, 0)
err(random.randrange, 10, 1, 2)
err(random.randrange, 1.5)
err(random.randrange, 10, step=2)
err(random.choice, [])
err(random.choices, [1, 2], [1, 2, 3])
err(random.choices, [1, 2], [0, 0])
err(random.choices, [1, 2], 3)
err(random.choices, [1, 2], [1, 1], cum_weights=[1, 2])
err(random.gammavariate, 0.0, 1.0)
err(random.sample, [1, 2], 3)

random.seed(5)
print(random.getrandbits(1), random.getrandbits(8), random.getrandbits(32), random.getrandbits(60))
