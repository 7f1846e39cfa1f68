x = 5
if x > 3:
    print("big")
elif x > 1:
    print("medium")
else:
    print("small")
if x: print("one line")
