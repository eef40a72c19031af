# dir() of instances, classes, subclasses, exceptions and built-in values: the names it lists
# (public names compared whole; dunders spot-checked).
class P:
    cls_attr = 1

    def __init__(self):
        self.x = 1

    def meth(self):
        pass


class Q(P):
    extra = 2

    def __len__(self):
        return 0


def public(o):
    return [n for n in dir(o) if not n.startswith("_")]


p = P()
p.later = 3
print(public(p), public(P), public(Q()), public(Q))
print(dir(P) == sorted(dir(P)), "x" in dir(P), "x" in dir(p))
for name in ["__init__", "__class__", "__dict__", "__module__", "__len__", "__eq__", "__repr__", "__qualname__"]:
    print(name, name in dir(p), name in dir(Q()), name in dir(Q))
for o, names in [(1, ["__add__", "__radd__", "__index__", "__hash__", "__lt__", "bit_length"]),
                 ([], ["__len__", "__getitem__", "__iter__", "__iadd__", "append", "__contains__"]),
                 ({}, ["__getitem__", "keys", "__len__", "__add__"]),
                 ("s", ["__add__", "__mod__", "join", "__len__", "__iadd__"]),
                 (ValueError("e"), ["args", "__cause__", "__context__", "__traceback__", "with_traceback", "add_note"])]:
    d = dir(o)
    print(type(o).__name__, [n in d for n in names], d == sorted(d))
e = KeyError("k")
e.custom = 1
print("custom" in dir(e), public(e))


class Empty:
    pass


print(public(Empty()), public(Empty))
