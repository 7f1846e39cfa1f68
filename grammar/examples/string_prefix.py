pattern = r"\d+\.\d*"
path = R'C:\temp'
text = U"text"
plain = u'plain'
print(pattern, path, text, plain)
