# A package __init__ re-exports names from its submodules.
from shapes import Square, Circle, area_of
print(area_of(Square(3)), area_of(Circle(1)))
import shapes
print(shapes.Square is Square, shapes.square.Square is Square)
print(shapes.square.__name__, shapes.circle.__name__, Square.__name__)
print(sorted(n for n in ["Square", "Circle", "area_of", "missing"] if hasattr(shapes, n)))
