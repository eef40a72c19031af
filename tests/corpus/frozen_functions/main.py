# Functions defined where code runs once are frozen whole (no heap object at import);
# they must still behave like CPython's: globals, identity, defaults, attributes.
import helper

LIMIT = 3


def clamp(x, lo=0, hi=LIMIT):
    return max(lo, min(x, hi))


def scaled(x, factor=2.5, label="x"):
    return "%s=%s" % (label, x * factor)


class Shape:
    sides = 0

    def describe(self, prefix="shape"):
        return "%s with %d sides" % (prefix, self.sides)

    @staticmethod
    def unit():
        return LIMIT

    @classmethod
    def make(cls):
        return cls()


class Square(Shape):
    sides = 4


print(clamp(7), clamp(-2), clamp(2, 1), clamp(9, hi=5))
print(scaled(4), scaled(2, label="y"), clamp.__defaults__, scaled.__defaults__)
print(Square.make().describe(), Shape().describe("blob"), Shape.unit())
print(clamp.__name__, clamp.__qualname__, Shape.describe.__qualname__, clamp.__module__)
print(clamp.__globals__ is globals(), helper.twice.__globals__ is vars(helper))
print(helper.twice(5), helper.twice.__module__, helper.counter())

# Globals are looked up in the module the function was defined in.
LIMIT = 10
print(clamp(7), Shape.unit(), helper.twice(1))

# Attributes on a frozen function.
clamp.tag = "limits"
clamp.tag += "!"
print(clamp.tag, getattr(scaled, "tag", None), "tag" in clamp.__dict__)
del clamp.tag
print(hasattr(clamp, "tag"))

# A def in a loop makes a new function each time.
made = []
for i in range(3):
    def f(k=i):
        return k
    made.append(f)
print([g() for g in made], made[0] is made[1])

# Nested defs (closures) and lambdas are ordinary heap functions.
def outer(n):
    def inner():
        return n * 2
    return inner
print(outer(4)(), outer(1) is outer(1), (lambda: LIMIT)())

# The same module run a second time (as a plain import of __main__'s file) gets its own
# functions bound to its own globals.
if __name__ == "__main__":
    import main as again
    print(again.clamp(7), clamp(7), again.clamp is clamp, again.clamp.__module__, again.LIMIT)
    print(again.Shape is Shape, again.Square.make().describe())
