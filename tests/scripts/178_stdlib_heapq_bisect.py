import heapq
import bisect
import random
random.seed(5)
data = [random.randint(0, 50) for _ in range(30)]
h = []
for x in data:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(5)], h)
h2 = list(data)
heapq.heapify(h2)
print(h2)
print(heapq.heapreplace(h2, 25), h2)
print(heapq.heappushpop(h2, 1), heapq.heappushpop(h2, 30), h2)
print(heapq.nlargest(4, data), heapq.nsmallest(4, data))
words = ['pear', 'fig', 'banana', 'kiwi', 'apple', 'plum']
print(heapq.nlargest(3, words, key=len), heapq.nsmallest(3, words, key=len))
print(heapq.nsmallest(0, data), heapq.nlargest(10, [3, 1]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 3, 6, 9])))
print(list(heapq.merge(['bb', 'a'], ['ccc', 'dd'], key=len, reverse=True)))
print(list(heapq.merge([], [1], [])))
pairs = [(3, 'c'), (1, 'a'), (2, 'b'), (1, 'z')]
hp = []
for p in pairs:
    heapq.heappush(hp, p)
print([heapq.heappop(hp) for _ in range(len(hp))])
for bad in (lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1), lambda: heapq.heapify((1, 2))):
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
# bisect
a = [1, 2, 2, 2, 3, 5, 8]
for x in (0, 2, 4, 8, 9):
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 3), bisect.bisect_left(a, 5, hi=4))
b = []
for x in [5, 1, 4, 1, 3]:
    bisect.insort(b, x)
print(b)
bisect.insort_left(b, 4); bisect.insort_right(b, 2); print(b)
bisect.insort(b, 0, 2); print(b)
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ('d', 4), key=lambda r: r[1]); print(recs)
bisect.insort_left(recs, ('e', 3), key=lambda r: r[1]); print(recs)
grades = 'FDCBA'
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
try:
    bisect.bisect_left(a, 1, -1)
except ValueError as e:
    print(type(e).__name__, e)
