def add(a: int, b: int = 0) -> int:
    return a + b
def no_args(): return None
print(add(1, 2), no_args())
