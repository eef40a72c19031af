"""Exports for `from star_src import *`."""

__all__ = ["alpha", "gamma"]
alpha = "a"
beta = "b"
gamma = "g"
