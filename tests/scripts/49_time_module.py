# import time: perf_counter is monotonic, sleep works (prints only booleans)
import time
t0 = time.perf_counter()
time.sleep(0.001)
t1 = time.perf_counter()
print(t1 > t0)
print(t1 - t0 >= 0.001)
print(type(t0).__name__)
start = time.perf_counter()
total = 0
for i in range(1000):
    total += i
elapsed = time.perf_counter() - start
print(total, elapsed >= 0.0)
stamps = []
for _ in range(3):
    stamps.append(time.perf_counter())
    time.sleep(0.001)
print(stamps[0] <= stamps[1] <= stamps[2])
print(time.time() > 1.6e9)
