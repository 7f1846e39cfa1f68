a = b = 0
def set_both():
    global a, b
    a, b = 1, 2
set_both()
print(a, b)
