"""Train a small MLP on a synthetic 3-class problem, keep the best model, save it."""

import argparse
import copy
import json
import logging
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

import torch
import torch.nn as nn
import torch.optim as optim

import mlp
from mlp import Net, batches, make_dataset, split
from mlp.data import CLASS_NAMES
from mlp.utils import AverageMeter, accuracy

logger = logging.getLogger("train")


@dataclass
class Config:
    epochs: int = 5
    lr: float = 0.05
    batch_size: int = 32
    hidden: int = 32
    num_samples: int = 500
    num_features: int = 8
    seed: int = 0


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description="Train a small MLP on synthetic blobs.")
    parser.add_argument("--epochs", type=int, default=5, help="number of passes over the data")
    parser.add_argument("--lr", type=float, default=0.05, help="learning rate")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--hidden", type=int, default=32)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=str, required=True, help="output directory")
    return parser.parse_args(argv)


def train_one_epoch(model, loader, criterion, optimizer):
    model.train()
    meter = AverageMeter()
    for inputs, targets in loader:
        optimizer.zero_grad()
        loss = criterion(model(inputs), targets)
        loss.backward()
        optimizer.step()
        meter.update(loss.item(), inputs.size(0))
    return meter


@torch.no_grad()
def evaluate(model, x, y, criterion):
    model.eval()
    logits = model(x)
    return criterion(logits, y).item(), accuracy(logits, y)


def main():
    args = parse_args()
    logging.basicConfig(
        level=logging.INFO,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stdout,
    )
    cfg = Config(epochs=args.epochs, lr=args.lr, batch_size=args.batch_size,
                 hidden=args.hidden, seed=args.seed)
    print(cfg)
    logger.info("mlp package version %s", mlp.__version__)

    torch.manual_seed(cfg.seed)
    x, y = make_dataset(cfg.num_samples, cfg.num_features)
    (x_train, y_train), (x_val, y_val) = split(x, y)
    counts = {name: int((y == i).sum()) for i, name in enumerate(CLASS_NAMES)}
    logger.info("train %d / val %d samples, classes %s", len(x_train), len(x_val), counts)

    model = Net(cfg.num_features, cfg.hidden, len(CLASS_NAMES))
    print(model)
    logger.info("%d trainable parameters", model.num_parameters)

    criterion = nn.CrossEntropyLoss()
    optimizer = optim.SGD(model.parameters(), lr=cfg.lr, momentum=0.9)

    best_acc, best_epoch, best_model = -1.0, 0, None
    history = []
    for epoch in range(1, cfg.epochs + 1):
        meter = train_one_epoch(model, batches(x_train, y_train, cfg.batch_size), criterion, optimizer)
        val_loss, val_acc = evaluate(model, x_val, y_val, criterion)
        print(f"epoch {epoch:2d} | train loss {meter.avg:.4f} | val loss {val_loss:.4f} | val acc {val_acc:.3f}")
        history.append({"epoch": epoch, "train_loss": round(meter.avg, 4),
                        "val_loss": round(val_loss, 4), "val_acc": round(val_acc, 4)})
        if val_acc > best_acc:
            best_acc, best_epoch = val_acc, epoch
            best_model = copy.deepcopy(model)
            logger.info("new best model (epoch %d, val acc %.3f)", epoch, val_acc)
    print(meter)

    # Keep the best model, not the last one.
    model.load_state_dict(best_model.state_dict())
    _, acc = evaluate(model, x_val, y_val, criterion)
    print(f"best epoch {best_epoch}: val acc {acc:.3f}")

    out_dir = Path(args.out)
    ckpt_dir = out_dir / "checkpoints"
    ckpt_dir.mkdir(parents=True, exist_ok=True)
    ckpt_path = ckpt_dir / f"best_epoch{best_epoch}.pt"
    torch.save(model.state_dict(), str(ckpt_path))
    logger.info("saved checkpoint %s", ckpt_path.name)

    restored = Net(cfg.num_features, cfg.hidden, len(CLASS_NAMES))
    state = torch.load(str(ckpt_path))
    print(list(state.keys()))
    restored.load_state_dict(state)
    _, restored_acc = evaluate(restored, x_val, y_val, criterion)
    print(f"restored model val acc {restored_acc:.3f}")
    print("same weights:", all(torch.equal(a, b) for a, b in zip(model.parameters(), restored.parameters())))

    metrics = {"config": asdict(cfg), "best_epoch": best_epoch,
               "best_val_acc": round(best_acc, 4), "history": history}
    metrics_path = out_dir / "metrics.json"
    with open(str(metrics_path), "w") as f:
        json.dump(metrics, f, indent=2)
    with metrics_path.open() as f:
        loaded = json.load(f)
    print(json.dumps(loaded["history"][-1], sort_keys=True))
    print(loaded == metrics, loaded["config"])
    print(sorted(str(p.relative_to(out_dir)) for p in out_dir.rglob("*")))


if __name__ == "__main__":
    main()
