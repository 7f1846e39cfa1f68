_private = 1
snake_case2 = 2
größe = _private + snake_case2
match = größe
print(match)
