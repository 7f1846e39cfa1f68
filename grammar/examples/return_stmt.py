def nothing():
    return
def pair(xs):
    return 1, *xs
print(nothing(), pair([2, 3]))
