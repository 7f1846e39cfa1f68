# a comment on a line of its own
x = 1  # a comment after code
y = (x +  # a comment inside brackets
     2)
print(x, y)  # the last comment
