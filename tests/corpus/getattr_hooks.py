class GA:
    def __init__(self): self.real = 1
    def __getattribute__(self, name):
        if name.startswith('v_'): return name[2:]
        return object.__getattribute__(self, name)
    def __getattr__(self, name): return 'fallback ' + name
g = GA()
print(g.v_abc, g.real, g.missing, getattr(g, 'nothing', 'dflt'), hasattr(g, 'q'))
class GA2:
    def __getattribute__(self, name):
        raise AttributeError('custom ' + name)
try:
    GA2().foo
except AttributeError as e: print('AttributeError:', e)
print(getattr(GA2(), 'foo', 'default'), hasattr(GA2(), 'x'))
class SA:
    def __setattr__(self, name, value):
        print('setattr', name, value)
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        print('delattr', name)
        object.__delattr__(self, name)
s = SA(); s.k = 2; print(s.k); del s.k
try:
    del s.k
except AttributeError as e: print('AttributeError:', e)
try:
    s.nope
except AttributeError as e: print('AttributeError:', e)
# __getattr__ only on misses; __setattr__ / __delattr__ with object's; error messages.
class Proxy:
    def __init__(self, target): object.__setattr__(self, '_t', target)
    def __getattr__(self, n): return getattr(self._t, n)
    def __setattr__(self, n, v): setattr(self._t, n, v)
    def __delattr__(self, n): delattr(self._t, n)
class Target: pass
t = Target(); px = Proxy(t)
px.a = 1; print(t.a, px.a, '_t' in vars(px), vars(t))
del px.a; print(hasattr(t, 'a'))
try:
    px.zzz
except AttributeError as e: print('AttributeError:', e)
class Counter:
    def __init__(self): object.__setattr__(self, 'hits', 0)
    def __getattribute__(self, name):
        if name != 'hits':
            object.__setattr__(self, 'hits', object.__getattribute__(self, 'hits') + 1)
        return object.__getattribute__(self, name)
    def ping(self): return 'pong'
cc = Counter(); cc.ping(); cc.ping(); print(cc.hits, cc.ping())
try:
    object.__getattribute__(cc, 'nothing')
except AttributeError as e: print('AttributeError:', e)
try:
    object.__getattribute__(cc, 5)
except TypeError as e: print('TypeError:', e)
class Frozen:
    def __setattr__(self, n, v): raise AttributeError(f'{type(self).__name__} is frozen')
try:
    Frozen().x = 1
except AttributeError as e: print('AttributeError:', e)
class WithGetattr:
    def __getattr__(self, n):
        if n == 'special': return 's'
        raise AttributeError(f'no {n} here')
print(WithGetattr().special, getattr(WithGetattr(), 'other', 'dflt'))
WithGetattr().missing_one
