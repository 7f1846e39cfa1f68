x = 5
ok = x > 0 and x < 10 and x != 7
print(ok)
