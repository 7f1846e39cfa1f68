xs = [1, 2]
print([], [1], [1, 2,], [*xs, 3], [x for x in xs])
