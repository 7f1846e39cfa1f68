# print(file=sys.stderr) goes to stderr (only stdout is compared), interleaved with stdout prints
import sys
print("to stdout 1")
print("to stderr", file=sys.stderr)
print("to stdout 2")
print("err", 42, sep="-", end="!\n", file=sys.stderr)
print("stdout", "again", sep=", ")
print("x", file=sys.stdout)
def warn(msg):
    print("warning:", msg, file=sys.stderr)
    return len(msg)
n = warn("something odd")
print("warned with", n, "chars")
for i in range(3):
    print("step", i)
    if i == 1:
        print("step 1 is special", file=sys.stderr)
print("done")
