"""Modules at and over the size of the largest frozen key table."""

import at_limit
import over_limit

for m in (at_limit, over_limit):
    names = [k for k in vars(m) if not k.startswith("__")]
    print(m.__name__, len(names), names[:3], names[-3:], m.total())
    print(getattr(m, names[7]), getattr(m, names[-2]))
    m.added = 1
    delattr(m, names[0])
    print([k for k in vars(m) if not k.startswith("__")][-2:], hasattr(m, names[0]))
