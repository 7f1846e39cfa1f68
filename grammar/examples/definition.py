def plain():
    return 1
@staticmethod
def decorated():
    return 2
class K:
    pass
