# Which non-operator dunders each built-in type has (hasattr) and which are unhashable,
# as CPython defines them; reversed() of dict views.
names = ['__len__', '__iter__', '__next__', '__getitem__', '__setitem__', '__delitem__', '__contains__', '__bool__', '__call__', '__neg__', '__pos__', '__invert__', '__abs__', '__int__', '__float__', '__index__', '__format__', '__round__', '__trunc__', '__floor__', '__ceil__', '__divmod__', '__rdivmod__', '__reversed__', '__lt__', '__eq__', '__hash__', '__repr__', '__str__']
def g():
    yield 1
for v in [1, True, 1.5, 'a', b'a', (1,), [1], {1}, frozenset(), {1: 2}, {1: 2}.keys(), range(1), None, iter([1]), g(), len, lambda: 0, slice(1), ValueError(), object(), int, Ellipsis]:
    print(type(v).__name__, [n for n in names if hasattr(v, n)], v.__hash__ is None)
d = {1: 2}
for v in (d.keys(), d.items(), d.values()):
    try:
        print(type(v).__name__, hash(v) is not None)
    except TypeError as e:
        print(e)
    print(list(reversed(v)))
