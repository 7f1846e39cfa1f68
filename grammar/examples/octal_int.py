mode = 0o755
other = 0O_17
print(mode, other)
