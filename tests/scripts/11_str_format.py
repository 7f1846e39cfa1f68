# str.format with positional, indexed, keyword fields and format specs
print("{} + {} = {}".format(1, 2, 3))
print("{0} {1} {0}".format("a", "b"))
print("{name} is {age}".format(name="Bo", age=7))
print("{:.3f}|{:>6}|{:<6}|{:^6}|".format(3.14159, "r", "l", "c"))
print("{0:05d} {1:,}".format(42, 1000000))
print("{:e} {:.1%}".format(1234.5, 0.5))
print("{!r} {!s}".format("q", "q"))
print("{{literal}} {}".format("x"))
print("{0[0]} {0[1]}".format(["first", "second"]))
print("{:x} {:b}".format(255, 5))
template = "{label}: {value:.2f}"
for label, value in [("a", 1.0), ("b", 2.345)]:
    print(template.format(label=label, value=value))
print("{:>{w}}|".format("pad", w=7))
print("{} {}".format(True, None))
