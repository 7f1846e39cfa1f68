x = []
print(not x, not not x, not x == [1])
