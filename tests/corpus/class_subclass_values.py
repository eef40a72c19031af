class I(int):
    @classmethod
    def make(cls, v): return cls(v)
    def __repr__(self): return f'I<{int(self)}>'
class S(str): pass
class T(tuple): pass
x = I.make(5)
print(x, '%d' % x, f'{x:x}', '{:>4}'.format(S('a')), '%s|%r' % (S('b'), S('c')), x.real, x.numerator, divmod(x, 2))
a, b = T((1, 2)); print(a, b, [*T((3, 4))], isinstance(T(), tuple), bool(T()), bool(S('')), S('') == '', hash(S('')) == hash(''))
print(sorted([I(3), 1, I(2)]), max(I(1), I(9)), sum([I(1), I(2)]), I(5) in range(10), list(range(I(3))))
print(S('a,b').split(','), S(' x ').strip(), S('ab').join(['1', '2']), S('abc')[1:], S('x') * 2, 'x' + S('y'), S('abc').startswith('a'))
print(str(S('q')) is not None, S('%s!') % 'hi', S('{}?').format(1), len(S('héllo')), S('héllo').upper())
print({I(1): 'a', 1: 'b'}, {S('k'): 1}.get('k'), T((1,)) + T((2,)), T((1, 2))[::-1], T([1, 2, 3]).count(2), T('aab').index('b'))
class L(list):
    def append(self, x): super().append(x * 2)
l = L(); l.append(1); l.extend([5]); print(l, l + l, l * 2, type(l[:]).__name__, l == [2, 5])
import gc; gc.collect()
print(x, l, S('still'))
f = float(I(3)); print(f, I(7) / 2, I(7) ** 0.5 > 2)
class Fl(float): pass
print(Fl(0.1) + 0.2, int(Fl(7.9)), Fl('inf'), -Fl(1.5), abs(Fl(-2)), Fl(1) == I(1))
print(+I(4), type(+I(4)).__name__, I(4).real, type(I(4).conjugate()).__name__, True.real, +True)
class NoInit(int):
    def __init__(self, *a): raise RuntimeError('init ran with %r' % (a,))
NoInit(3)
