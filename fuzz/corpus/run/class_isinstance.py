# isinstance and issubclass with tuples and built-in types.
class A:
    pass
class B(A):
    pass
class C(B):
    pass
c = C()
print(isinstance(c, A), isinstance(c, (int, B)), isinstance(c, (int, str)))
print(issubclass(C, (str, A)), issubclass(A, C), issubclass(C, object))
for v in [1, 1.0, "s", b"b", [1], (1,), {1: 1}, {1}, None, True, range(1)]:
    print(repr(v), type(v).__name__, isinstance(v, int), isinstance(v, (list, tuple)))
print(isinstance(True, int), isinstance(1, float), isinstance(1.0, (int, float)))
print(issubclass(bool, int), issubclass(int, bool), issubclass(KeyError, LookupError))
print(type(c) is C, type(c) is B, type(c) == C)
