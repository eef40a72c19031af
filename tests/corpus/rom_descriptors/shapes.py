"""Classes whose namespaces freeze whole, with built-in descriptor decorators."""

class Rect:
    """A rectangle."""

    def __init__(self, w, h):
        self.w, self.h = w, h

    @property
    def area(self):
        return self.w * self.h

    @classmethod
    def square(cls, side):
        return cls(side, side)

    @staticmethod
    def unit():
        return "unit"

class Tile(Rect):
    kind = "tile"

    @property
    def area(self):
        return -self.w * self.h

    @classmethod
    def parse(cls, text, sep="x"):
        w, h = text.split(sep)
        return cls(int(w), int(h))
