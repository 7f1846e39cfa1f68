sizes = [0, 42, 1_000_000, 0xFF, 0o755, 0b1010]
print(sizes)
