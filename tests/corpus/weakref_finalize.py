import gc
import weakref


class Res:
    def __init__(self, name):
        self.name = name


def cleanup(name, *, how="normal"):
    print("cleanup", name, how)
    return name.upper()


a = Res("a")
f = weakref.finalize(a, cleanup, "a", how="collected")
print(f.alive, f.atexit, f.peek()[0] is a, f.peek()[1] is cleanup, f.peek()[2:])
del a
gc.collect()
print("after collect", f.alive, f.peek(), f())

b = Res("b")
g = weakref.finalize(b, cleanup, "b")
print(g(), g.alive, g(), g.detach())

c = Res("c")
h = weakref.finalize(c, cleanup, "c")
obj, func, args, kwargs = h.detach()
print(obj is c, func is cleanup, args, kwargs, h.alive, h.detach())
del c, obj
gc.collect()
print("detached: nothing called")

# the finalizer outlives a dropped finalize object: the registry keeps it
d = Res("d")
weakref.finalize(d, print, "finalized d", 1, 2)
del d
gc.collect()
print("callback order")


class Node:
    pass


n = Node()
weakref.finalize(n, print, "first registered")
weakref.finalize(n, print, "second registered")
r = weakref.ref(n, lambda w: print("ref callback"))
print(weakref.getweakrefcount(n))
del n
gc.collect()
try:
    weakref.finalize(1, print)
except TypeError as e:
    print(type(e).__name__, e)
print("end")
