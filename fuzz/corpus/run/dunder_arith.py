# Operator dunders: __add__, __sub__, __mul__, __neg__, __radd__, __truediv__.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __eq__(self, o):
        return isinstance(o, Vec) and self.x == o.x and self.y == o.y
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
a, b = Vec(1, 2), Vec(10, 20)
print(a + b, b - a, a * 3, 3 * a, -a, b / 4, b // 3, b % 3)
print(a + b == Vec(11, 22), a == b, a != b)
c = a
c += b
print(c, a, c is a)
class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return Num(self.v + (o.v if isinstance(o, Num) else o))
    def __radd__(self, o):
        return Num(o + self.v)
    def __repr__(self):
        return f"Num({self.v})"
print(Num(1) + Num(2), Num(1) + 5, 5 + Num(1), sum([Num(1), Num(2), Num(3)]))
