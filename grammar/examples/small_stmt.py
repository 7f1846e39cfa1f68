x = 1
pass
assert x
del x
