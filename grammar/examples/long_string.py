doc = """A string
that spans lines and holds "quotes" and 'quotes'."""
other = '''also
triple'''
print(doc, other)
