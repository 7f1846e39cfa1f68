# index_select without history copies whole slices (the DataLoader path): strided sources,
# empty and repeated indices, and the errors for positions out of range.
import torch
x = torch.arange(24.).reshape(2, 3, 4)
print(x.index_select(1, torch.tensor([2, 0, 2])))
print(x.index_select(2, torch.tensor([3, 1])))
print(x.transpose(0, 2).index_select(0, torch.tensor([3, 0])))
print(torch.arange(6).reshape(3, 2)[1:].index_select(0, torch.tensor([1, 0, 1])))
print(torch.tensor([[True, False], [False, True]]).index_select(1, torch.tensor([1])))
print(x.index_select(0, torch.tensor([], dtype=torch.long)).shape)
try:
    x.index_select(0, torch.tensor([3]))
except IndexError as e:
    print("IndexError", e)
print(torch.tensor([1., 2, 3]).index_select(0, torch.tensor([2, 2])))
try:
    x.index_select(0, torch.tensor([-1]))
except IndexError as e:
    print("IndexError", e)
w = torch.randn(5, 3, requires_grad=True)
try:
    w.index_select(0, torch.tensor([-1]))
except IndexError as e:
    print("IndexError", e)
