import types
print(repr(list[int, ...]), repr(tuple[()]), repr(dict[str, list[int]]), list[int] == list[int], list[int]((1,2)))
print(list[int].__origin__, list[int].__args__, list[int].__parameters__, type(list[int]))
print(list[int] != list[str], hash(list[int]) == hash(list[int]), list[int].__name__)
print(type(list[int]) is types.GenericAlias, repr(tuple[int, str]), set[frozenset[int]], type[int])
def f(x: list[int], y: "dict[str, int]" = None) -> dict[str, tuple[int, ...]]:
    return x
for bad in (int, str, object):
    try:
        bad[int]
    except TypeError as e:
        print(e)
class C:
    pass
try:
    C[int]
except TypeError as e:
    print(e)
class G:
    def __class_getitem__(cls, item):
        return f"G of {item}"
print(G[int])
try:
    isinstance([], list[int])
except TypeError as e:
    print(e)
print(ExceptionGroup[ValueError], enumerate[int])
class L(list[int]):
    pass
print(L.__mro__, L.__bases__, L([1]))
class M(dict[str, int], metaclass=type):
    pass
print(M.__bases__)
print(list[int].__doc__ == list.__doc__)
