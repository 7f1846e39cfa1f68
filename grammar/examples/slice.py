xs = list(range(10))
print(xs[:], xs[2:], xs[:3], xs[1:8:2], xs[::-1], xs[::])
