# Class namespaces frozen whole are read from ROM until a write copies them to the heap; they
# must behave like CPython's class dicts (contents, order, __module__, writes, deletes).
import gc

import shapes
from shapes import Point, Counter, Point3, Key, Empty, Ellip, Twice, Big, public


# Classes of the main module: run as __main__ first, then imported again as `main`.
class Local:
    "doc"
    kind = "local"

    def who(self):
        return self.kind


print(Local.__module__, Local.__doc__, public(Local), Local().who())
Local.kind = "changed"
print(Local().who())

if __name__ == "__main__":
    print(Point.__module__, Point.__qualname__, Point.__doc__, Point.__name__)
    print(Point.dims, Point.origin, Point.label, Point3.dims, Point3.origin)
    print(public(Point), public(Point3), public(Counter), public(Big))
    print(public(Twice), Twice.a, Twice().m(), public(Empty), public(Ellip))
    print(repr(Point)[:22], Point3.__mro__ == (Point3, Point, object))
    p = Point(3, -4)
    q = Point3(1, 2)
    print(p.norm1(), q.norm1(), p.dims, q.dims, isinstance(q, Point))
    print("__hash__" in Key.__dict__, Key.__hash__, Key(1) == Key(1), Key(1) == Key(2))
    r = shapes.Reveal()
    print(r.reveal(), public(shapes.Reveal), shapes.Reveal.__qualname__)

    # Writes: augmented assignment, new attributes, deletes, setattr.
    c = Counter()
    print(c.bump(), c.bump(), Counter.count, c.count, Counter.step, Counter.flag)
    Counter.count += 10
    Counter.extra = "x"
    setattr(Counter, "step", 2.5)
    print(Counter.count, Counter.extra, Counter.step, public(Counter))
    del Counter.flag
    print(hasattr(Counter, "flag"), public(Counter))
    for cls, name in ((Counter, "flag"), (Point, "nothing")):
        try:
            delattr(cls, name)
        except AttributeError as e:
            print("AttributeError", e)
    print(public(Point))
    Point.dims = 5
    print(Point.dims, Point3.dims, p.dims, public(Point), public(Point3))
    Point.norm2 = lambda self: self.x * self.x + self.y * self.y
    print(p.norm2(), q.norm2(), q.norm1())
    del Point.origin
    print(hasattr(Point3, "origin"), public(Point))
    Big.h = 8
    Big.i = 9
    print(public(Big), Big.h + Big.a)
    Twice.a += 1
    print(Twice.a, public(Twice))

    # Instances keep their own attributes; class attribute reads fall through.
    p.dims = 7
    print(p.dims, Point.dims, Point3.dims)

    # Non-qualifying class bodies keep the ordinary path.
    w = shapes.WithProp()
    print(w.v, shapes.WithSuper(2).norm1(), shapes.WithCall.size, shapes.WithCall.items)
    print(shapes.Outer().get(), shapes.Outer.Inner.__qualname__, shapes.Outer.Inner.__module__)
    L1 = shapes.make_local()
    L2 = shapes.make_local()
    print(L1 is L2, L1().get(), L1.__qualname__, public(L1))

    gc.collect()
    print(Point.dims, Counter.count, public(Counter), Big.i, p.norm1(), Key(3) == Key(3))


    import main as again
    print(again.Local is Local, again.Local.__module__, again.Local.kind, again.Local().who())
    print(again.Local.who is Local.who, public(again.Local))
    gc.collect()
    print(again.Local().who(), Local().who(), shapes.Counter.count)
