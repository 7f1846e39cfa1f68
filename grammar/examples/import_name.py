import torch.nn.functional as F
import math as m
import torch.nn
print(m.e)
