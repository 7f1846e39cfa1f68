for a, *b in [(1, 2, 3)]:
    print(a, b)
for (x, y), z in [((1, 2), 3)]:
    print(x + y + z)
print([k for k, v in {"a": 1}.items()])
