import torch.nn
from torch.nn import functional
