empty = ()
one = (1,)
grouped = (1 + 2) * 3
pair = (1, 2)
gen = (x for x in pair)
print(empty, one, grouped, pair, list(gen))
