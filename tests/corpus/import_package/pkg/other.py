print("pkg.other running")
from pkg import mod
def uses_mod():
    return mod.func(1) + 1
