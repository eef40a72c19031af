# Deleting module attributes: present ones go, absent ones raise AttributeError.
import math
import sys

math.extra = 1
print(math.extra)
del math.extra
print(hasattr(math, "extra"))
for target in (math, sys):
    try:
        del target.nope
    except AttributeError as e:
        print("AttributeError:", e)
try:
    delattr(math, "extra")
except AttributeError as e:
    print("AttributeError:", e)
print(math.pi > 3)
