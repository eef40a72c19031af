"""2-D vectors and scalar helpers."""

def clamp(x, lo, hi):
    return lo if x < lo else hi if x > hi else x

def lerp(a, b, t):
    return a + (b - a) * t

def dist(a, b):
    return (a - b).length()

class Vec2:
    """An immutable 2-D vector."""

    def __init__(self, x=0.0, y=0.0):
        self.x, self.y = x, y

    def __add__(self, o):
        return Vec2(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return Vec2(self.x - o.x, self.y - o.y)

    def scale(self, k):
        return Vec2(self.x * k, self.y * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y

    def length(self):
        return self.dot(self) ** 0.5

    def normalized(self):
        n = self.length()
        return self.scale(1 / n) if n else Vec2()

    def __repr__(self):
        return "Vec2(%g, %g)" % (self.x, self.y)
