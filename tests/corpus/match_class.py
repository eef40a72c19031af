# Class patterns: __match_args__, keywords, built-in types matching themselves, errors.


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class Plain:
    def __init__(self):
        self.a = 1


def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point3(x, y, z=0):
            return f"flat3 {x} {y}"
        case Point(0, y):
            return f"y axis {y}"
        case Point(x=0) | Point(y=0):
            return "on an axis"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "somewhere"
        case Plain(a=1):
            return "plain with a=1"
        case object(__class__=cls):
            return f"an object of {cls.__name__}"


for p in [Point(0, 0), Point3(1, 2, 0), Point3(0, 2, 5), Point(0, 5), Point(3, 0), Point(2, 2),
          Point(1, 2), Plain(), 5, "s"]:
    print(where(p))

# Built-in types match the subject itself for one positional sub-pattern.
def kind(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s):
            return f"str {s!r}"
        case bytes(b):
            return f"bytes {b!r}"
        case tuple((a, b)):
            return f"pair {a} {b}"
        case tuple(t):
            return f"tuple {t}"
        case list([*items]):
            return f"list {items}"
        case dict({"k": k}):
            return f"dict with k={k}"
        case dict(d):
            return f"dict {d}"
        case frozenset(fs):
            return f"frozenset {sorted(fs)}"
        case set(s):
            return f"set {sorted(s)}"
    return "?"


for v in [True, 3, 2.5, "x", b"y", (1, 2), (1, 2, 3), [4, 5], {"k": 1}, {"j": 2}, frozenset({2, 1}),
          {3, 1}, None]:
    print(kind(v))

# A subclass of a built-in keeps matching itself unless it defines __match_args__.
class MyDict(dict):
    pass


class MyList(list):
    __match_args__ = ("tag",)
    tag = "tagged"


match MyDict(a=7):
    case dict(n):
        print("MyDict", n, type(n).__name__)
match MyList([1]):
    case MyList(t):
        print("MyList tag", t)

# Keyword patterns read attributes (properties included); a missing one fails the match.
class Temp:
    def __init__(self, c):
        self.c = c

    @property
    def f(self):
        return self.c * 9 / 5 + 32

    @property
    def broken(self):
        raise AttributeError("no")


for t in [Temp(100), Temp(0)]:
    match t:
        case Temp(f=212.0):
            print("boiling")
        case Temp(c=c, broken=_):
            print("never", c)
        case Temp(c=c):
            print("celsius", c)

# The class can be any dotted name; isinstance semantics with a base class.
import math


class Shapes:
    P = Point


match Point3(1, 1, 1):
    case Shapes.P(x=1):
        print("via dotted name")


def attempt(label, subject, f):
    try:
        f(subject)
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


def too_many(v):
    match v:
        case Point(1, 2, 3):
            print("no")


def self_two(v):
    match v:
        case int(1, 2):
            print("no")


def plain_pos(v):
    match v:
        case Plain(1):
            print("no")


def not_a_type(v):
    match v:
        case math.sqrt():
            print("no")


class BadArgs:
    __match_args__ = ["a"]


def bad_args(v):
    match v:
        case BadArgs(a):
            print("no")


class BadName:
    __match_args__ = (1,)


def bad_name(v):
    match v:
        case BadName(a):
            print("no")


class Dup:
    __match_args__ = ("a",)
    a = 1


def dup(v):
    match v:
        case Dup(x, a=y):
            print("no")


attempt("too many", Point(1, 2), too_many)
attempt("self two", 1, self_two)
attempt("plain positional", Plain(), plain_pos)
attempt("not a type", 1, not_a_type)
attempt("match args list", BadArgs(), bad_args)
attempt("match args names", BadName(), bad_name)
attempt("duplicate attribute", Dup(), dup)
# Not an instance: no error even with too many sub-patterns.
too_many(5)
print("done")

# An uncaught error shows the traceback.
match Point(1, 2):
    case Point(1, 2, 3):
        pass
