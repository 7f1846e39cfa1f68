from math import sqrt, pi as PI
print(sqrt(4.0), PI)
from .model import Net, Trainer
