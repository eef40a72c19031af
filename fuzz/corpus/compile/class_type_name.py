# type() and __name__ / __class__ of builtins and user classes.
class Foo:
    pass
f = Foo()
for v in [1, 2.0, "s", [], (), {}, set(), None, True, b"", range(2), f, Foo, len, print]:
    print(type(v).__name__)
print(f.__class__ is Foo, f.__class__.__name__, type(Foo).__name__)
print(type(1) == type(2), type(1) == type(1.0), type("a")("text"), type([])((1, 2)))
print(str(type(1)), repr(type("x")), repr(int), repr(Foo))
