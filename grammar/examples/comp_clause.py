print([(i, c) for i, c in enumerate("ab")], [x for *_, x in [(1, 2)]])
