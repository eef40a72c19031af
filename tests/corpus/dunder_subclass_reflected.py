class I(int):
    def __radd__(self, o): return 'I.radd'
    def __rsub__(self, o): return NotImplemented
print(1 + I(2), 5 - I(2), I(2) + 1)
class S(str):
    def __radd__(self, o): return 'S.radd'
    def __mul__(self, n): return 'S.mul'
print('a' + S('b'), S('b') * 2, 2 * S('b'))
class L(list):
    def __radd__(self, o): return 'L.radd'
print([1] + L([2]))
class F(float):
    def __rtruediv__(self, o): return 'F.rtruediv'
    def __lt__(self, o): return 'F.lt'
    def __gt__(self, o): return 'F.gt'
print(1 / F(2.0), 1.0 < F(2.0), F(2) < 1)
class T(tuple):
    def __add__(self, o): return NotImplemented
class U:
    def __radd__(self, o): return 'U.radd'
print(T((1,)) + U())
1 - I(2)
I(2) + 'x'
