"""A module whose names are bound in and out of their first-binding order."""

def user_names(ns):
    return [k for k in ns if not (isinstance(k, str) and k.startswith("__"))]

first = 1
if first > 5:
    late = "never"           # first in bytecode order, bound after `second`
second = 2
late = "late"
for counter in range(3):
    pass
gone = "gone"
del gone
third = 3
first = "first again"        # rebinding keeps the position

def make_global():
    global made
    made = "made in a function"

try:
    print("before binding:", not_yet)
except NameError as e:
    print("NameError:", e)
not_yet = "now bound"
print("keys_mod names:", user_names(globals()))
