# Trains the digits classifier that nabla ships (nabla.models.digits_classifier) and writes
# its weights to data/digits_classifier.safetensors. Run from the repository root:
#
#     nabla run tools/train_digits_classifier.py
#
# The split is the one a learner gets with torch.manual_seed(0) followed by
# datasets.train_test_split(images, labels, test_size=0.2): the model never saw those
# 360 test images, so notebooks and tests can measure it on them.
import torch
import torch.nn.functional as F
from nabla import datasets, models

torch.manual_seed(0)
images, labels = datasets.digits()
x_train, x_test, y_train, y_test = datasets.train_test_split(images, labels, test_size=0.2)
x_train, x_test = x_train / 16, x_test / 16

model = models.digits_classifier(pretrained=False)
opt = torch.optim.Adam(model.parameters(), lr=1e-2)
for epoch in range(40):
    model.train()
    perm = torch.randperm(len(x_train))
    for i in range(0, len(x_train), 64):
        idx = perm[i:i + 64]
        loss = F.cross_entropy(model(x_train[idx]), y_train[idx])
        opt.zero_grad()
        loss.backward()
        opt.step()
    if epoch % 10 == 9:
        model.eval()
        with torch.no_grad():
            acc = (model(x_test).argmax(1) == y_test).float().mean().item()
        print(f"epoch {epoch + 1}: last batch loss {loss.item():.4f}, test accuracy {acc:.4f}")

torch.save(model.state_dict(), "data/digits_classifier.safetensors")
print("wrote data/digits_classifier.safetensors")
