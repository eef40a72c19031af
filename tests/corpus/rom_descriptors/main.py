"""Frozen @property/@classmethod/@staticmethod, in the module's own namespace and in a copy."""

import gc
import shapes
from shapes import Rect, Tile
import shadow

r = Rect(3, 4)
print(r.area, Rect.square(5).area, Rect.unit(), r.unit(), type(Rect.square(2)).__name__)
t = Tile.parse("2x7")
print(type(t).__name__, t.area, Tile.square(3).area, type(Tile.square(3)).__name__, Tile.kind)
print(type(Rect.__dict__["area"]).__name__, type(Rect.__dict__["square"]).__name__,
      type(Rect.__dict__["unit"]).__name__)
print(Rect.__dict__["area"].fget(r), Rect.__dict__["square"].__func__(Tile, 2).area)
print(isinstance(Rect.area, property), Rect.area.fset, Rect.__doc__)
for change in (lambda: setattr(r, "area", 5), lambda: delattr(r, "area")):
    try:
        change()
    except AttributeError as e:
        print("AttributeError:", e)
print(shadow.Odd.thing, shadow.Local.helper)

# Writing to a frozen class, then using its descriptors again.
Rect.perimeter = property(lambda self: 2 * (self.w + self.h))
print(r.perimeter, Rect.square(1).perimeter, sorted(k for k in Rect.__dict__ if not k.startswith("__")))

# The same kind of class defined in this module, which runs as __main__ and is then imported
# as `main`: each copy's methods read their own module's OFFSET.
OFFSET = 100 if __name__ == "__main__" else 0

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    @property
    def norm2(self):
        return self.x * self.x + self.y * self.y + OFFSET

    @classmethod
    def origin(cls):
        return cls(OFFSET, 0)

    @staticmethod
    def dims():
        return 2 + OFFSET

gc.collect()
p = Point(3, 4)
print(p.norm2, Point.origin().norm2, Point.dims(), p.dims(), type(Point.origin()).__name__)
print(Point.__dict__["norm2"].fget(p), Point.__module__)
if __name__ == "__main__":
    import main as again
    q = again.Point(3, 4)
    print(q.norm2, again.Point.origin().x, again.Point.dims(), p.norm2, Point.dims())
    print(type(again.Point.__dict__["norm2"]).__name__, again.Point.__module__)
