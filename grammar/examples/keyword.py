if True and not False:
    x = None
for i in [1, 2]:
    if i is None or i in ():
        continue
    else:
        break
