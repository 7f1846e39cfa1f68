x = 5
print(-x, +x, ~x, --x, -2 ** 2)
