n = 0
if n < 0:
    sign = -1
elif n == 0:
    sign = 0
elif n > 0:
    sign = 1
print(sign)
