class Ctx:
    def __enter__(self):
        return (1, 2)
    def __exit__(self, *exc):
        return False
with Ctx() as (a, b):
    print(a, b)
