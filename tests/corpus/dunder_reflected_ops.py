class V:
    def __init__(self, x): self.x = x
    def __repr__(self): return f'V({self.x})'
    def __add__(self, o): return V(self.x + (o.x if isinstance(o, V) else o))
    def __radd__(self, o): return V(o + self.x) if not isinstance(o, V) else NotImplemented
    def __iadd__(self, o): self.x += 100; return self
    def __sub__(self, o): return NotImplemented
    def __rsub__(self, o): return 'rsub'
    def __matmul__(self, o): return 'matmul'
    def __rmatmul__(self, o): return 'rmatmul'
    def __divmod__(self, o): return ('dm', o)
    def __rdivmod__(self, o): return ('rdm', o)
    def __pow__(self, e, m=None): return ('pow', e, m)
    def __rpow__(self, b): return ('rpow', b)
    def __neg__(self): return 'neg'
    def __pos__(self): return 'pos'
    def __invert__(self): return 'inv'
    def __abs__(self): return 'abs'
    def __round__(self, n=None): return ('round', n)
    def __trunc__(self): return 7
    def __floor__(self): return 'floor'
    def __ceil__(self): return 'ceil'
    def __index__(self): return 3
    def __float__(self): return 2.5
    def __int__(self): return 9
    def __complex__(self): return 1
    def __format__(self, spec): return f'<{spec}>'
v = V(1)
print(v + 1, 1 + v, v + v, 5 - v, v @ 1, 1 @ v, divmod(v, 2), divmod(2, v), pow(v, 2, 5), v ** 2, 2 ** v)
print(-v, +v, ~v, abs(v), round(v), round(v, 2))
import math
print(math.trunc(v), math.floor(v), math.ceil(v))
print([0,1,2,3,4][v], hex(v), bin(v), oct(v), float(v), int(v), range(v), 'ab' * v)
print(format(v, 'xyz'), f'{v:abc}', f'{v}', '{:q}'.format(v))
w = v; w += 1; print(w, w is v)
class W:
    def __init__(self, x): self.x = x
    def __add__(self, o): return 'W.add'
class WSub(W):
    def __radd__(self, o): return 'WSub.radd'
print(W(1) + WSub(2))
class T:
    def __bool__(self): return 1
try:
    bool(T())
except TypeError as e: print('TypeError:', e)
class Ln:
    def __len__(self): return -1
try:
    len(Ln())
except ValueError as e: print('ValueError:', e)
class Ls:
    def __len__(self): return 'x'
try:
    len(Ls())
except TypeError as e: print('TypeError:', e)
class Seq:
    def __getitem__(self, i):
        if i >= 4: raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq(), 25 in Seq(), list(reversed([1,2])))
class RS:
    def __len__(self): return 3
    def __getitem__(self, i): return 'abc'[i]
print(list(reversed(RS())))
class RV:
    def __reversed__(self): return iter([3, 2, 1])
print(list(reversed(RV())))
class E:
    def __eq__(self, o): return True
try:
    hash(E())
except TypeError as e: print('TypeError:', e)
class Cmp:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return NotImplemented
    def __gt__(self, o): return 'gt called'
print(Cmp(1) < Cmp(2))
try:
    Cmp(1) <= Cmp(2)
except TypeError as e: print('TypeError:', e)
class Call:
    def __call__(self, *a, **k): return (a, k)
print(Call()(1, b=2))
class NoIter: pass
try:
    iter(NoIter())
except TypeError as e: print('TypeError:', e)
try:
    1 in NoIter()
except TypeError as e: print('TypeError:', e)
class Idx:
    def __index__(self): return 'no'
try:
    [1][Idx()]
except TypeError as e: print('TypeError:', e)
try:
    V(1) < V(2)
except TypeError as e: print('TypeError:', e)
try:
    -NoIter()
except TypeError as e: print('TypeError:', e)
# In-place fallback to the binary method, NotImplemented everywhere, comparison reflection.
class N:
    def __init__(self, v): self.v = v
    def __add__(self, o): return N(self.v + (o.v if isinstance(o, N) else o))
    def __eq__(self, o): return isinstance(o, N) and self.v == o.v
    def __hash__(self): return hash(self.v)
    def __lt__(self, o): return self.v < o.v if isinstance(o, N) else NotImplemented
    def __repr__(self): return f'N({self.v})'
n = N(1); m = n; n += 2; print(n, m, n is m, N(1) == N(1), {N(1): 'a'}[N(1)], sorted([N(3), N(1), N(2)]))
print(N(2) > N(1), max(N(5), N(7)))
class Only:
    def __radd__(self, o): return 'Only.radd'
print(3 + Only(), [1] + Only(), 'a' + Only())
try:
    Only() + 3
except TypeError as e: print('TypeError:', e)
try:
    divmod(Only(), 2)
except TypeError as e: print('TypeError:', e)
class Tr:
    def __len__(self): return 0
print(bool(Tr()), not Tr(), 'yes' if Tr() else 'no')
class Fmt:
    def __format__(self, spec):
        if spec == 'bad': raise ValueError('bad spec')
        return 'F' + spec
print(f'{Fmt():>5}', format(Fmt()), '{0:x}'.format(Fmt()))
class BadFmt:
    def __format__(self, spec): return 5
try:
    format(BadFmt())
except TypeError as e: print('TypeError:', e)
class IntLike:
    def __index__(self): return 2
print([10, 20, 30][IntLike()], 'abc'[IntLike()], range(10)[IntLike()], bin(IntLike()))
class NoHash:
    def __eq__(self, o): return False
    __hash__ = None
print(NoHash.__hash__)
{NoHash()}
