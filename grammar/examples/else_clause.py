for i in range(3):
    pass
else:
    print("loop ended without break")
if False:
    pass
else: print("else on one line")
