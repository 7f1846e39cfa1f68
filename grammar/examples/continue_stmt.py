odd = []
for i in range(6):
    if i % 2 == 0:
        continue
    odd.append(i)
print(odd)
