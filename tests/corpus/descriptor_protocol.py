class Desc:
    def __init__(self, default): self.default = default
    def __set_name__(self, owner, name): self.name = '_' + name
    def __get__(self, obj, objtype=None):
        if obj is None: return self
        return getattr(obj, self.name, self.default)
    def __set__(self, obj, value):
        print('set', self.name, value)
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print('delete', self.name)
        delattr(obj, self.name)
class NonData:
    def __get__(self, obj, objtype=None): return 'nondata'
class A:
    x = Desc(0)
    y = NonData()
a = A()
print(a.x); a.x = 5; print(a.x, a.__dict__)
a.__dict__['x'] = 'shadow'; print(a.x)
print(a.y); a.y = 'inst'; print(a.y)
del a.x; print(a.x)
print(type(A.x).__name__, A.y)
class OnlyGet:
    def __get__(self, o, t): return 1
    def __delete__(self, o): pass
class B:
    z = OnlyGet()
try:
    B().z = 3
except AttributeError as e: print('AttributeError:', e)
class P:
    def __init__(self): self._v = 0
    @property
    def v(self): return self._v
    @v.setter
    def v(self, val): self._v = val
    @v.deleter
    def v(self): print('deleting'); del self._v
p = P(); p.v = 10; print(p.v); del p.v
print(hasattr(p, '_v'))
class CM:
    @classmethod
    def make(cls): return cls.__name__
    @staticmethod
    def s(x): return x + 1
print(CM.make(), CM().make(), CM.s(1), CM().s(2))
# Descriptors seen from the class, with inheritance, and a caching non-data descriptor.
class Lazy:
    def __init__(self, f): self.f = f; self.name = f.__name__
    def __get__(self, obj, cls):
        if obj is None: return self
        v = self.f(obj)
        obj.__dict__[self.name] = v
        return v
class Calc:
    calls = 0
    @Lazy
    def heavy(self):
        Calc.calls += 1
        return 42
k = Calc()
print(k.heavy, k.heavy, Calc.calls, type(Calc.heavy).__name__)
class Typed:
    def __init__(self, kind): self.kind = kind
    def __set_name__(self, owner, name): self.name = name
    def __get__(self, obj, cls): return self if obj is None else obj.__dict__[self.name]
    def __set__(self, obj, v):
        if not isinstance(v, self.kind):
            raise TypeError(f'{self.name} must be {self.kind.__name__}')
        obj.__dict__[self.name] = v
class Person:
    age = Typed(int)
    name = Typed(str)
class Employee(Person): pass
e = Employee(); e.age = 30; e.name = 'ann'
print(e.age, e.name, Employee.age.name)
class Ro:
    @property
    def v(self): return 1
r = Ro()
try:
    r.v = 2
except AttributeError as e: print('AttributeError:', e)
try:
    del r.v
except AttributeError as e: print('AttributeError:', e)
print(staticmethod(len)("ab"))
emp = Employee(); emp.age = 1
emp.age = 'old'
