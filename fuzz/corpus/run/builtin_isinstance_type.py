# isinstance, issubclass, type, callable.
class A:
    pass
class B(A):
    def __call__(self):
        return "called"
vals = [0, 0.0, "", b"", [], (), {}, set(), None, True, A(), B(), A, len, lambda: 0, range(0)]
for v in vals:
    print(type(v).__name__, isinstance(v, (int, float)), isinstance(v, A), callable(v))
print(issubclass(B, A), issubclass(A, B), issubclass(int, object), issubclass(bool, (str, int)))
print(type(B()) is B, type(type(1)) is type, type(A) is type, isinstance(A, type))
print(isinstance(3, int) and not isinstance(3, bool), isinstance(False, bool))
