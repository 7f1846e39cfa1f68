# bitwise ops on ints; hex/binary/octal/underscore literals
a = 0b1100
b = 0b1010
print(a, b, a & b, a | b, a ^ b, ~a)
print(a << 2, a >> 2, -16 >> 2, -1 >> 10, 1 << 40)
print(0xFF, 0x1f, 0o17, 0b0, 1_000_000, 0xdead_beef)
print(~0, ~-1, -5 & 3, -5 | 3, -5 ^ 3)
print(255 & 0x0F, 0xF0 | 0x0F)
print(hex(255), hex(-255), bin(10), bin(-10), oct(8))
x = 0
x |= 1
x |= 4
x ^= 1
x <<= 3
x >>= 1
x &= 0xFF
print(x)
mask = (1 << 8) - 1
print(mask, 300 & mask)
def popcount(n):
    c = 0
    while n:
        c += n & 1
        n >>= 1
    return c
print(popcount(255), popcount(1023), popcount(0b1011))
print(True & False, True | False, True ^ True)
print(1e3, 2.5e-3, 1_0.5)
