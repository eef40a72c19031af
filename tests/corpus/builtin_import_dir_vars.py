# __import__, dir (no argument, objects, __dir__), vars, globals, locals.
m = __import__("sys")
print(m.__name__)
m = __import__("math", globals(), locals(), [], 0)
print(m.__name__, m.floor(3.7))
m = __import__("math", fromlist=["floor"])
print(m.__name__)
import builtins
print(builtins.__name__, builtins.len("abc"), builtins.abs(-2), builtins.__import__ is __import__)
print(__debug__, builtins.__debug__)
for bad in [lambda: __import__(5), lambda: __import__(""), lambda: __import__("sys", level=-1),
            lambda: __import__("nope_not_here"), lambda: __import__("x", None, None, [], 1),
            lambda: __import__("x", {}, None, [], 1), lambda: __import__("x", {"__name__": "m"}, None, [], 1),
            lambda: __import__("sys", bogus=1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)


def f(a, b=2):
    c = a + b
    def inner():
        return c
    return dir(), sorted(locals()), sorted(vars())


print(f(1))


class D:
    def __dir__(self):
        return ["zeta", "alpha", "mid"]


print(dir(D()))


class P:
    cls_attr = 1

    def __init__(self):
        self.x = 1
        self.y = 2

    def meth(self):
        pass


names = dir(P())
print([n for n in names if not n.startswith("__")])
print("__init__" in names, "meth" in names, "cls_attr" in names)
print(vars(P()))
for bad in [lambda: vars(1), lambda: vars("s"), lambda: vars(1, 2), lambda: dir(1, 2)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
print(sorted(k for k in globals() if not k.startswith("__")))
print(locals() is globals())
