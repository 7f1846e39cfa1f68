# list comprehensions with conditions and nested fors, dict and set comprehensions
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([x if x % 2 else -x for x in range(6)])
print([(i, j) for i in range(3) for j in range(i)])
print([[i * j for j in range(3)] for i in range(3)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([v for row in matrix for v in row])
print([[row[i] for row in matrix] for i in range(3)])
print([c.upper() for c in "hello" if c not in "l"])
sq = {x: x * x for x in range(5)}
print(sq[3], list(sq.items()))
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv[1], inv[2])
print(sorted({x % 4 for x in range(20)}))
print(sorted({w[0] for w in ["apple", "avocado", "banana", "cherry"]}))
words = ["the", "quick", "brown", "fox"]
lengths = {w: len(w) for w in words if len(w) > 3}
print(list(lengths.items()))
print([len(w) for w in words])
print([(i, w) for i, w in enumerate(words) if i % 2 == 0])
print([a + b for a, b in zip([1, 2], [10, 20])])
x = 10
print([x for x in range(3)], x)
print([[0] * 2 for _ in range(2)])
print({i: [j for j in range(i)] for i in range(4)}[3])
