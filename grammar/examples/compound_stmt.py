if 1:
    pass
while 0:
    pass
for i in ():
    pass
try:
    pass
finally:
    pass
def f():
    pass
class C:
    pass
