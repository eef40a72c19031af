"""A module whose globals get taken apart by main.py."""

one = 1
two = 2
three = 3

def names():
    return [k for k in globals() if not k.startswith("__")]
