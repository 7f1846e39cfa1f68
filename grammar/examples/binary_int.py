bits = 0b1010
more = 0B_1111_0000
print(bits, more)
