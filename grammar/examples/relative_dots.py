from . import models
from ..utils import accuracy
from .data.loaders import batches as b
