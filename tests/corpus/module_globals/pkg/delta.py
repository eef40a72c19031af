"""Imported only from outside the package, after its body ran."""
D = "delta"
from . import beta
