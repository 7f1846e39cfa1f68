class P:
    def __init__(self):
        self.items = [10, 20]
    def get(self):
        return self
print(P().get().items[1])
