# Deleting module attributes: present ones go, absent ones raise AttributeError.
# (Standard modules such as math are ROM objects whose namespace is read-only, so the
# attribute is set on sys, a heap module.)
import math
import sys

sys.extra = 1
print(sys.extra)
del sys.extra
print(hasattr(sys, "extra"))
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
