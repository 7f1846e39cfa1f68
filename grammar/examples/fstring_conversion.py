s = "hi"
print(f"{s!r} {s!s} {s!a}")
