a = 'it\'s'
b = "say \"hi\""
c = 'a string \
continued on the next line'
print(a, b, c)
