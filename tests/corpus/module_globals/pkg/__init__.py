"""A package whose body imports its own submodules (they become its attributes)."""

from .beta import B
from . import alpha
import pkg.gamma
TAIL = "tail"
