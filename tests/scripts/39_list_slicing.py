# list slicing with steps and negative indices, slice assignment and deletion
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[:], a[-3:], a[:-3])
print(a[::2], a[1::2], a[::-1], a[8:2:-2], a[-1:-4:-1])
print(a[5:2], a[100:], a[-100:2], a[2:100:3])
print(a[-1], a[-10])
b = a[:]
b[1:3] = ["x", "y", "z"]
print(b)
b[0:0] = [-1, -2]
print(b)
b[-2:] = []
print(b)
b[::3] = [0] * len(b[::3])
print(b)
c = [0, 1, 2, 3, 4, 5]
del c[::2]
print(c)
c[:] = [9]
print(c)
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(m[1], m[1][::-1], [row[0] for row in m], m[-1][-1])
print([m[i][i] for i in range(3)])
s = "abcdefgh"
print(s[::3], s[-2:], s[::-2])
t = (0, 1, 2, 3, 4)
print(t[1:3], t[::-1], t[:1])
