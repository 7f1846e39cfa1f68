a = 0 or "" or None or "fallback"
print(a)
