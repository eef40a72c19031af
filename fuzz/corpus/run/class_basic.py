# Class definition, __init__, methods, instance and class attributes.
class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def dist2(self):
        return self.x ** 2 + self.y ** 2
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
p = Point(3, 4)
q = p.moved(1, -1)
print(p.x, p.y, p.dist2(), q.x, q.y, Point.dims, p.dims)
p.dims = 3
print(p.dims, Point.dims, q.dims)
Point.dims = 10
print(p.dims, q.dims)
p.z = "dynamic"
print(p.z, hasattr(q, "z"))
print(type(p).__name__, type(p) is Point, Point.__name__)
m = p.dist2
print(m(), Point.dist2(q))
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.id = Counter.instances
a, b, c = Counter(), Counter(), Counter()
print(a.id, b.id, c.id, Counter.instances)
