# import sys: argv is a list, sys.stdout printing, module aliasing, sys.maxsize sanity
import sys
print(type(sys.argv).__name__)
print(isinstance(sys.argv, list))
print(len(sys.argv) >= 1)
print(type(sys.argv[0]).__name__)
import sys as system
print(system is sys)
print(type(sys.maxsize).__name__, sys.maxsize > 2 ** 31)
print("via sys.stdout", file=sys.stdout)
def describe_args(argv):
    extra = argv[1:]
    if extra:
        return "extra args: " + " ".join(extra)
    return "no extra args"
print(describe_args(sys.argv))
print(describe_args(["prog", "a", "b"]))
from sys import argv
print(argv is sys.argv, type(argv).__name__)
