# super() through a chain of three classes with arguments.
class A:
    def __init__(self, **kw):
        self.trail = ["A"]
        self.kw = kw
    def describe(self):
        return "A"
class B(A):
    def __init__(self, b, **kw):
        super().__init__(**kw)
        self.trail.append("B")
        self.b = b
    def describe(self):
        return "B>" + super().describe()
class C(B):
    def __init__(self, c, **kw):
        super().__init__(**kw)
        self.trail.append("C")
        self.c = c
    def describe(self):
        return "C>" + super().describe()
obj = C(c=3, b=2, extra=1)
print(obj.trail, obj.b, obj.c, obj.kw, obj.describe())
class Shape:
    def area(self):
        return 0
    def summary(self):
        return f"{type(self).__name__} area={self.area()}"
class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
for s in [Shape(), Rect(2, 3), Square(4)]:
    print(s.summary())
