try:
    x = 1 // 0
except ZeroDivisionError:
    x = 0
else:
    x = -1
finally:
    print(x)
try:
    pass
finally:
    pass
