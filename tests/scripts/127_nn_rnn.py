# Library I: RNN, LSTM and GRU -- PyTorch's parameters and initialisation, outputs and
# states for stacked, bidirectional, batch_first and unbatched input, and gradients.
import torch
import torch.nn as nn

torch.manual_seed(0)
rnn = nn.RNN(3, 4)
print(rnn, [n for n, _ in rnn.named_parameters()])
print(rnn.weight_hh_l0)
x = torch.randn(5, 2, 3)
out, h = rnn(x)
print(out.shape, h.shape)
print(h)
lstm = nn.LSTM(3, 2, num_layers=2, bidirectional=True)
print(lstm, [n for n, _ in lstm.named_parameters()][:6], sum(p.numel() for p in lstm.parameters()))
out, (h, c) = lstm(x)
print(out.shape, h.shape, c.shape)
print(out[-1])
print(c)
out.sum().backward()
print(lstm.weight_ih_l0.grad)
gru = nn.GRU(3, 3, batch_first=True, bias=False)
print(gru)
xb = torch.randn(2, 4, 3)
o, h = gru(xb)
print(o.shape, h)
o2, h2 = gru(xb[:, 2:], h)
print(h2)
u, hu = nn.RNN(3, 2, nonlinearity='relu', num_layers=2, dropout=0.0)(torch.randn(4, 3))
print(u.shape, hu.shape, u[-1])
cell = nn.LSTM(2, 2, batch_first=True)
seq = torch.randn(1, 6, 2)
out, (h, c) = cell(seq, (torch.zeros(1, 1, 2), torch.ones(1, 1, 2)))
print(h, c)
try:
    cell(torch.randn(1, 6, 5))
except RuntimeError as e:
    print(e)
