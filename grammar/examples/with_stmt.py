class Ctx:
    def __enter__(self):
        return 42
    def __exit__(self, *exc):
        return False
with Ctx() as a, Ctx():
    print(a)
with Ctx(): pass
