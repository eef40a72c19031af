# Which operator dunders each built-in type has (hasattr), as CPython defines them.
names = ['__add__', '__radd__', '__sub__', '__rsub__', '__mul__', '__rmul__', '__truediv__', '__rtruediv__', '__floordiv__', '__mod__', '__rmod__', '__pow__', '__rpow__', '__lshift__', '__rlshift__', '__rshift__', '__and__', '__rand__', '__or__', '__ror__', '__xor__', '__rxor__', '__iadd__', '__isub__', '__imul__', '__iand__', '__ior__', '__ixor__']
for v in [1, True, 1.5, 'a', b'a', (1,), [1], {1}, frozenset(), {1: 2}, {1: 2}.keys(), {1: 2}.items(), {1: 2}.values(), range(1), None]:
    print(type(v).__name__, [n for n in names if hasattr(v, n)])
