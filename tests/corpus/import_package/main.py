# Packages: __init__ runs on first import; submodules are bound on the package.
import pkg
print(pkg.__name__, pkg.PKG_CONST, pkg.hello())
import pkg.mod
print(pkg.mod.__name__, pkg.mod.func(3))
from pkg import mod
print(mod is pkg.mod, mod.func(4))
from pkg.mod import func, NAME_SEEN
print(func(5), NAME_SEEN)
from pkg import other
print(other.__name__, other.uses_mod())
