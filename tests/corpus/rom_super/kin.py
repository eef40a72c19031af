"""Classes frozen whole whose methods use zero-argument super() and __class__."""


class Base:
    kind = "base"

    def __init__(self, name, size=1):
        self.name = name
        self.size = size

    def describe(self):
        return "%s:%s/%d" % (self.kind, self.name, self.size)

    def items(self):
        yield self.name
        yield self.size


class Mid(Base):
    kind = "mid"

    def __init__(self, name, size=4, extra="x"):
        super().__init__(name, size)
        self.extra = extra

    def describe(self):
        return "[" + super().describe() + "]" + self.extra


class Leaf(Mid):
    kind = "leaf"

    def __init__(self, name):
        super().__init__(name, extra="y")

    def describe(self):
        return super().describe().upper()

    def items(self):
        yield "leaf"
        for x in super().items():
            yield x

    def home(self):
        return __class__.__name__, __class__ is Leaf, type(self).__name__


class Other:
    def uses(self):
        return __class__
