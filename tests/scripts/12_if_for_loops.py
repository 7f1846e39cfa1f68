# if/elif/else, for loops with break/continue/else, nested loops
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
for n in [-5, 0, 3, 99]:
    print(n, classify(n))
for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print("odd", i)
for x in [1, 3, 5]:
    if x % 2 == 0:
        print("found even")
        break
else:
    print("no even found")
for x in [1, 4, 5]:
    if x % 2 == 0:
        print("found even", x)
        break
else:
    print("unreachable")
primes = []
for n in range(2, 30):
    for p in primes:
        if n % p == 0:
            break
    else:
        primes.append(n)
print(primes)
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        print(i, j, end="; ")
print()
for ch in "abc":
    print(ch.upper(), end="")
print()
for _ in []:
    print("never")
else:
    print("empty loop else")
