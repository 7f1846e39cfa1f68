# import random with seed: random, randint, uniform, choice, shuffle, reseeding reproduces the sequence
import random
random.seed(0)
print(random.random())
print(random.random())
print(random.randint(1, 10), random.randint(1, 10), random.randint(-5, 5))
print(random.uniform(0, 1), random.uniform(-2.0, 2.0))
items = ["a", "b", "c", "d", "e"]
print(random.choice(items), random.choice(items))
deck = list(range(10))
random.shuffle(deck)
print(deck)
random.seed(42)
print([random.randint(0, 100) for _ in range(5)])
random.seed(42)
print([random.randint(0, 100) for _ in range(5)])
random.seed(123)
xs = [round(random.random(), 6) for _ in range(3)]
print(xs)
print(random.choice(range(100)))
random.seed(7)
data = list("abcdefgh")
random.shuffle(data)
print("".join(data))
