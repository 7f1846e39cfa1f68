import torch.nn as nn
import torch.nn.functional as F

from .utils import count_parameters


class Net(nn.Module):
    def __init__(self, in_features, hidden, num_classes, dropout=0.1):
        super().__init__()
        self.fc1 = nn.Linear(in_features, hidden)
        self.fc2 = nn.Linear(hidden, hidden)
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(hidden, num_classes)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        x = self.dropout(F.relu(self.fc2(x)))
        return self.head(x)

    @property
    def num_parameters(self):
        return count_parameters(self)
