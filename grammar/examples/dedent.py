for i in range(3):
    if i:
        print(i)
print("done")
if True:
    if True:
        last = "two dedents at the end of input"
