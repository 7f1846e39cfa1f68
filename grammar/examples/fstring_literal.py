name = "nabla"
n = 3
a = f"hello {name}"
b = F'{n + 1} items'
c = rf"raw {name}\n"
d = f"""several
lines: {name}"""
print(a, b, c, d)
