x = 1
s = f"literal text, {{braces}}, a field {x} and an escape\t."
print(s)
