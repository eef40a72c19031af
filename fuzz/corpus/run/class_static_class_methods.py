# staticmethod and classmethod.
class Temp:
    unit = "C"
    count = 0
    def __init__(self, deg):
        self.deg = deg
        Temp.count += 1
    @staticmethod
    def c_to_f(c):
        return c * 9 / 5 + 32
    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)
    @classmethod
    def describe(cls):
        return cls.__name__ + " in " + cls.unit
class Kelvin(Temp):
    unit = "K"
print(Temp.c_to_f(100), Temp(0).c_to_f(37))
t = Temp.from_f(212)
print(t.deg, type(t).__name__)
k = Kelvin.from_f(32)
print(k.deg, type(k).__name__, Kelvin.describe(), Temp.describe(), k.describe())
print(Temp.count)
