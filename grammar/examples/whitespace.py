x = 1 +	2   # a tab and spaces between tokens
ys = [x ,  x]
print(x, ys)
