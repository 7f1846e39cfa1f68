# list methods: append, extend, insert, pop, remove, index, count, sort, reverse, copy, clear
a = [3, 1, 2]
a.append(5)
a.extend([9, 9])
a.extend(range(2))
print(a)
a.insert(0, 100)
a.insert(-1, 50)
a.insert(99, 7)
print(a)
print(a.pop(), a.pop(0), a.pop(2), a)
a.remove(9)
print(a, a.index(9), a.count(9), a.count(42))
print(a.index(1), [1, 2, 1, 2].index(2, 2))
a.sort()
print(a)
a.sort(reverse=True)
print(a)
words = ["bb", "a", "ccc", "dd"]
words.sort(key=len)
print(words)
words.sort(key=lambda w: (-len(w), w))
print(words)
words.reverse()
print(words)
b = a.copy()
b.append(-1)
print(len(a), len(b))
c = a[:]
c.clear()
print(c, len(a))
print(a.sort(), a.append(0), a.reverse())
print(a)
nested = [[0] * 3 for _ in range(2)]
nested[0][1] = 5
print(nested)
shared = [[0] * 2] * 2
shared[0][0] = 1
print(shared)
print([1, 2] + [3], [0] * 4, [1, 2] * 0, 2 * ["x"])
