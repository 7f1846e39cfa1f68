"""A tiny MLP classifier package: model, data pipeline and helpers."""

from . import data, utils
from .data import batches, make_dataset, split
from .model import Net
from .utils import accuracy, count_parameters

__version__ = "0.1.0"
__all__ = ["Net", "make_dataset", "split", "batches", "accuracy", "count_parameters"]
