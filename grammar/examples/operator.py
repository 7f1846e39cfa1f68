a = 7
b = a // 2 ** 3 % 5 << 1 >> 1 & 6 | 1 ^ 3
a += 1; a -= 1; a *= 2; a //= 2; a **= 1; a %= 10
c = a <= b or a >= b or a == b or a != b or a < b or a > b
print(~a, -a, +a, a / 2, a * b, c)
