# comparisons, chained comparisons, is / is not, in / not in
x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5, 5 == x == 5.0)
print(1 < 2 < 3 < 4, 1 < 3 < 2)
print(3 == 3.0, 3 != 4, "a" < "b", "abc" < "abd", "Z" < "a")
print([1, 2] < [1, 3], (1, 2, 3) > (1, 2), [1, 2] == [1, 2])
a = [1, 2, 3]
b = a
c = [1, 2, 3]
print(a is b, a is c, a == c, a is not c)
n = None
print(n is None, n is not None, x is not None)
print(True is True, None == None)
print(2 in a, 4 in a, 4 not in a)
print("ell" in "hello", "xyz" not in "hello", "" in "abc")
d = {"k": 1, "j": 2}
print("k" in d, 1 in d, "z" not in d)
print(3 in (1, 2, 3), 3 in {1, 2, 3})
print(1 == True, 0 == False)
print(max(1, 2) == 2 != 3)
y = 0
print(y == 0 and x > 3, not y)
print(-1 < 0 < 1 < 2.5)
def cmp(u, v):
    return (u > v) - (u < v)
print(cmp(1, 2), cmp(2, 2), cmp(3, 2))
