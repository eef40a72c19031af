# __name__ vs __qualname__, and CPython's qualified names in call errors.
class Outer:
    def method(self, x):
        return x
    class Inner:
        def deep(self):
            pass
    @staticmethod
    def static(a):
        return a

def outer():
    def inner(y):
        return y
    return inner

lam = lambda: 0
def make_lambda():
    return lambda q: q

for f in [Outer.method, Outer.Inner.deep, Outer.static, outer, outer(), lam, make_lambda()]:
    print(f.__name__, f.__qualname__)
print(Outer.__qualname__, Outer.Inner.__qualname__, Outer.Inner.__name__)
print(repr(outer()).split(" at ")[0], repr(Outer().method).split(" of ")[0])

def doc():
    """First line.

    More."""
def nodoc():
    x = "not a docstring"
    return x
print(repr(doc.__doc__), nodoc.__doc__, (lambda: 1).__doc__)

calls = [
    lambda: Outer().method(),
    lambda: Outer().method(1, 2),
    lambda: Outer().method(1, x=2),
    lambda: Outer().method(y=2),
    lambda: Outer.Inner().deep(1),
    lambda: Outer.static(),
    lambda: outer()(),
    lambda: make_lambda()(1, 2),
    lambda: outer()(**1),
    lambda: Outer().method(**{"x": 1}, **{"x": 2}),
]
for c in calls:
    try:
        c()
    except TypeError as e:
        print("TypeError:", e)

# Tracebacks still name frames by their short names.
class Boom:
    def go(self):
        def deeper():
            raise ValueError("boom")
        deeper()
Boom().go()
