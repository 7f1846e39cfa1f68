a = 'single'
b = "double"
c = r'raw \d'
d = u"unicode"
e = """triple"""
print(a, b, c, d, e)
