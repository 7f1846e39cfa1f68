x = 1, 2
def gen():
    y = yield x
