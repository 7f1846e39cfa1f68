# string escapes, raw strings, triple-quoted strings, concatenation
print("tab\there")
print("line1\nline2")
print("quote: \" and \' and backslash \\")
print('single \'quoted\'')
print("\x41\x42\u00e9")
print(r"raw \n stays \t")
print(len("a\nb"), len(r"a\nb"))
s = """triple
quoted "string" with 'quotes'
  indented line"""
print(s)
t = '''another
one'''
print(t)
print("adjacent " "literals " 'joined')
print("con" + "cat", "ab" * 3, 3 * "-")
print(repr("tab\t"), repr("nl\n"), repr("back\\slash"))
print(repr(r"\d+"))
long = ("part one, "
        "part two")
print(long)
print("")
print("unicode: \u03b1\u03b2\u03b3", len("\u03b1\u03b2"))
print("end with backslash \\")
