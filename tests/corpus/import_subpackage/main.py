# import a.b.c binds the top-level name; every level's __init__ runs once, in order.
import pkg.sub.deep.leaf
print(pkg.sub.deep.leaf.VALUE, pkg.sub.deep.leaf.__name__)
print(pkg.__name__, pkg.sub.__name__, pkg.sub.deep.__name__)
print(pkg.LEVEL, pkg.sub.LEVEL, pkg.sub.deep.LEVEL)
import pkg.sub
from pkg.sub.deep import leaf
print(leaf is pkg.sub.deep.leaf, leaf.where())
import pkg.sub.deep.leaf as L
print(L is leaf)
