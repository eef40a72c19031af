"""Classes whose bodies only bind constants and plain methods: frozen namespaces."""

SCALE = 10


class Point:
    "A point."
    dims = 2
    origin = (0, 0)
    label = None

    def __init__(self, x, y=0):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Counter:
    count = 0
    step = 1.5
    flag = True

    def bump(self):
        Counter.count += 1
        return Counter.count


class Point3(Point):
    dims = 3

    def norm1(self):
        return Point.norm1(self) * SCALE


class Key:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k


class Empty:
    pass


class Ellip:
    ...


class __Private:
    __hidden = 1
    _C = "c"

    def __secret(self):
        return "s"

    def reveal(self):
        return self.__secret() + str(self.__hidden)


Reveal = __Private


class Twice:
    a = 1
    a = 2

    def m(self):
        return 1

    def m(self):
        return 2


class Big:
    a = 1
    b = 2
    c = 3
    d = 4
    e = 5
    f = 6
    g = 7


class WithProp:
    def __init__(self):
        self._v = 5

    @property
    def v(self):
        return self._v


class WithSuper(Point):
    def __init__(self, x):
        super().__init__(x, x)


class WithCall:
    items = list(range(3))
    size = len(items)


class Outer:
    class Inner:
        tag = "inner"

    def get(self):
        return self.Inner.tag


def make_local():
    class Local:
        z = 1

        def get(self):
            return self.z

    return Local


def public(cls):
    return [k for k in cls.__dict__ if not k.startswith("__")]
