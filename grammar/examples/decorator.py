class Thing:
    @property
    def size(self):
        return 3
    @staticmethod
    def make():
        return Thing()
print(Thing.make().size)
