matrix = [[1, 2], [3, 4]]
flat = [v for row in matrix for v in row]
print(flat)
