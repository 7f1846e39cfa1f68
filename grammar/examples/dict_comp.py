squares = {x: x * x for x in range(4)}
swapped = {v: k for k, v in squares.items() if v}
print(squares, swapped)
