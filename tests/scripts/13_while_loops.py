# while loops with break/continue/else, counters, collatz
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
i = 0
while True:
    i += 1
    if i == 3:
        continue
    if i > 6:
        break
    print("i =", i)
k = 0
while k < 3:
    k += 1
else:
    print("while else ran, k =", k)
k = 0
while k < 10:
    if k == 2:
        break
    k += 1
else:
    print("not printed")
print("k after break", k)
a, b = 0, 1
fibs = []
while a < 100:
    fibs.append(a)
    a, b = b, a + b
print(fibs)
stack = [1, 2, 3]
while stack:
    print("pop", stack.pop())
x = 1.0
iters = 0
while x > 1e-3:
    x /= 2
    iters += 1
print(iters, x)
