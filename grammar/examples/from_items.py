from math import *
from math import (
    sqrt,
    floor,
)
from math import ceil, log
print(sqrt(9.0), floor(1.5), ceil(1.5), log(1.0))
