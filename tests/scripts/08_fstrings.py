# f-strings with nested expressions, method calls, !r, dict/list access
name = "nabla"
n = 3
xs = [1, 2, 3]
d = {"k": 10}
print(f"hello {name}")
print(f"{name.upper()} has {len(name)} letters")
print(f"{n} * 2 = {n * 2}, squared = {n ** 2}")
print(f"list {xs}, first {xs[0]}, last {xs[-1]}")
print(f"dict value {d['k']}")
print(f"{name!r} vs {name}")
print(f"{'nested'} {f'{n}!'}")
print(f"cond: {'yes' if n > 2 else 'no'}")
print(f"{{braces}} and {n}")
print(f"{3.0} {1/3} {True} {None}")
print(f"{[i * i for i in range(4)]}")
print(f"{sum(xs) / len(xs)}")
w = 8
p = 3
print(f"{3.14159:{w}.{p}f}|")
print(f"{name:>{w}}|")
print(f"{'a' + 'b'}{'c'}")
print(f"tuple {(1, 2)}")
print(f"{-n} {abs(-n)}")
print(f"{'x'!r}")
msg = f"multi " \
      f"part {n}"
print(msg)
print(F"capital F {n}")
