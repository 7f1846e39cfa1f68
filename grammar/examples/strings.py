x = 1
a = "con" "cat" 'enation'
b = "mixed " f"{x}" ' parts'
c = ("across "
     "lines")
print(a, b, c)
