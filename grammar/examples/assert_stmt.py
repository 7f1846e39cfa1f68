x = 3
assert x > 0
assert x < 10, "x is too large"
