class D:
    def __set_name__(self, o, n): raise ValueError('bad ' + n)
class K:
    __slots__ = ['a', 'b']
k = K(); k.a = 1
print(k.a, K.a, K.__slots__)
class Sl(K):
    __slots__ = 'c'
s = Sl(); s.a, s.c = 1, 2; print(s.a, s.c)
try:
    class M1(K, Sl.__base__): pass
except TypeError as e: print(e)
try:
    class X2: __slots__ = [1]
except TypeError as e: print('TypeError:', e)
class C:
    d = D()
