# args, str() and repr() of built-in exception instances.
excs = [ValueError(), ValueError("msg"), ValueError("a", 2), KeyError("key"), KeyError(),
        KeyError(1, 2), IndexError("idx"), TypeError("t"), Exception("x"), RuntimeError(None),
        ZeroDivisionError("division by zero"), StopIteration(5)]
for e in excs:
    print(type(e).__name__, "|", str(e), "|", repr(e), "|", e.args)
e = ValueError("changeable")
e.args = ("new", "args")
print(str(e), repr(e))
print(str(KeyError("it's")), str(KeyError('say "x"')), repr(KeyError(None)))
