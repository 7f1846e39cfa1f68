value = 3
_hidden = value
print(value, _hidden, len)
