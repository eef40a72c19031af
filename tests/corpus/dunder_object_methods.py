# object's own dunders: __ne__ inverts __eq__, __delattr__, __new__ of built-in types
# builds from its arguments (mutable containers' ignores them), type(cls) through __class__.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
class A:
    def __init__(self):
        self.x = 1
    def __eq__(self, o):
        return isinstance(o, A)
a = A()
t(lambda: a.__ne__(A()))
t(lambda: a.__ne__(1))
t(lambda: (5).__getattribute__('real'))
t(lambda: a.__getattribute__('x'))
t(lambda: object.__delattr__(a, 'x') or hasattr(a, 'x'))
t(lambda: a.__setattr__('y', 2) or a.y)
t(lambda: object.__setattr__(5, 'y', 2))
t(lambda: (5).__class__)
t(lambda: a.__class__.__name__)
t(lambda: object.__ne__(a, a))
t(lambda: A.__eq__(a, 1))
t(lambda: A.__ne__(a, 1))
t(lambda: A.__hash__)
t(lambda: object.__init__(a))
t(lambda: object.__new__(A).__class__.__name__)
t(lambda: int.__new__(int, 5) if hasattr(int, '__new__') else 5)
t(lambda: str.__new__(str, 'x'))
t(lambda: list.__new__(list) == [])
t(lambda: ValueError.__str__(ValueError('m')))
t(lambda: BaseException.__repr__(KeyError('k')))
t(lambda: Exception.__init__(ValueError(), 1, 2))
t(lambda: object.__delattr__(a, 'zz'))
class B:
    def __eq__(self, o):
        return NotImplemented
b = B()
t(lambda: b != B())
t(lambda: b != b)
t(lambda: b.__ne__(b))
class C:
    def __eq__(self, o):
        return 1
t(lambda: C() != C())
t(lambda: C().__ne__(5))
t(lambda: frozenset.__new__(frozenset, [1, 2]))
t(lambda: float.__new__(float, '2.5'))
t(lambda: tuple.__new__(tuple, [1]))
t(lambda: len(list.__new__(list, [1, 2])))
t(lambda: len(dict.__new__(dict, {1: 2})))
t(lambda: len(set.__new__(set, [1])))
t(lambda: ValueError.__new__(ValueError, 'm').args)
t(lambda: (int.__class__, A.__class__, type.__class__, ValueError.__class__))
