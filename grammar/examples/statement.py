x = 0
while x < 3:
    x += 1
print(x)
