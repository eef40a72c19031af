"""Bound in order: its names stay in order through every kind of access."""

import sys as _sys
from math import pi as PI

A = 1
B = [A, 2]

class K:
    attr = "k"

def f(x=A):
    return x + A

A = A + 10
