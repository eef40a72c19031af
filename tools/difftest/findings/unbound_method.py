# difftest known divergence "unbound_builtin_method": calling a built-in method through its type
# without a proper self. CPython names the method; Frostbyte says "descriptor requires a 'list'
# object" (the method table entry does not know its type or name).
for f in [lambda: list.append(), lambda: list.append(5, 1), lambda: str.upper(5), lambda: dict.keys([])]:
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
