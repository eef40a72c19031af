class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, t, v, tb):
        print("exit", self.name, t, v, tb is None)
        return self.suppress

with CM("a") as x:
    print("body", x.name)
with CM("a"), CM("b") as y:
    print("body2", y.name)
with CM("s", True):
    raise ValueError("boom")
print("after")
def f():
    for i in range(3):
        with CM(i):
            if i == 0:
                continue
            if i == 1:
                break
    with CM("r"):
        return 5
print(f())
with (CM("p1") as p, CM("p2") as q):
    print(p.name, q.name)
d = {}
class O: pass
o = O()
with CM("t") as d["k"], CM("u") as o.attr:
    pass
print(d["k"].name, o.attr.name)
class Pair:
    def __enter__(self): return (1, 2)
    def __exit__(self, *a): pass
with Pair() as (a, b):
    print(a, b)
try:
    with CM("e"):
        1/0
except ZeroDivisionError as e:
    print("caught", e)
with CM("x"):
    raise KeyError("unhandled")
