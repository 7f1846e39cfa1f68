# pure-Python matrices as nested lists: transpose, multiply, identity, determinant, pretty printing
def zeros(n, m):
    return [[0] * m for _ in range(n)]
def transpose(a):
    return [list(col) for col in zip(*a)]
def matmul(a, b):
    n, k, m = len(a), len(b), len(b[0])
    out = zeros(n, m)
    for i in range(n):
        for j in range(m):
            s = 0
            for t in range(k):
                s += a[i][t] * b[t][j]
            out[i][j] = s
    return out
def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]
def det(a):
    if len(a) == 1:
        return a[0][0]
    total = 0
    for j in range(len(a)):
        minor = [row[:j] + row[j + 1:] for row in a[1:]]
        total += (-1) ** j * a[0][j] * det(minor)
    return total
def show(a):
    width = max(len(str(v)) for row in a for v in row)
    for row in a:
        print(" ".join(str(v).rjust(width) for v in row))
A = [[1, 2, 3], [4, 5, 6]]
B = [[7, 8], [9, 10], [11, 12]]
show(transpose(A))
show(matmul(A, B))
print(matmul(identity(2), [[5, 6], [7, 8]]))
print(det([[2, 0, 1], [1, 3, 2], [1, 1, 1]]), det([[4]]), det(identity(4)))
M = [[0.5, 1.5], [2.0, -1.0]]
print(matmul(M, M))
print([sum(row) for row in A], [sum(col) for col in zip(*A)])
print(max(max(row) for row in B), min(v for row in B for v in row))
