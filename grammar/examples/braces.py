print({}, {1: 2}, {1, 2}, {k: v for k, v in [(1, 2)]}, {x for x in [1]})
