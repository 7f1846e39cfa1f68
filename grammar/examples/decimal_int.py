n = 1_000_000
zero = 00
answer = 42
print(n, zero, answer)
