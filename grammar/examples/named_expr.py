if (n := len(xs)) > 10:
    print(n)
while chunk := f.read(64):
    pass
