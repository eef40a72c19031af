# Attributes of the built-in exceptions: args, str/repr for 0/1/many args, StopIteration.value,
# SystemExit.code, KeyError's str, SyntaxError fields, Unicode errors, ImportError/NameError/
# AttributeError keyword attributes, the warning classes and the rest of the hierarchy.
for e in [ValueError(), ValueError("m"), ValueError("a", 2), KeyError(), KeyError("k"),
          KeyError("a", "b"), KeyError(1), IndexError(3), Exception(None)]:
    print(repr(e), "|", str(e), "|", e.args)
print(StopIteration().value, StopIteration(5).value, StopIteration(1, 2).value)
print(SystemExit().code, SystemExit(3).code, SystemExit(1, 2).code, SystemExit("bye").code)
e = SyntaxError("bad thing", ("prog.py", 3, 7, "x = = 1\n"))
print(e.msg, e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset, "|", str(e))
e = SyntaxError("bad", ("dir/prog.py", 3, 7, "t", 3, 9))
print(e.end_lineno, e.end_offset, str(e), e.args[0])
e = SyntaxError("only msg")
print(e.msg, e.filename, e.lineno, e.offset, e.text, "|", str(e))
print(str(SyntaxError()), SyntaxError().msg)
print(issubclass(IndentationError, SyntaxError), issubclass(TabError, IndentationError))
e = UnicodeDecodeError("utf-8", b"\xffab", 0, 1, "invalid start byte")
print(e.encoding, e.object, e.start, e.end, e.reason, "|", str(e))
print(str(UnicodeDecodeError("utf-8", b"abcd", 1, 3, "oops")))
e = UnicodeEncodeError("ascii", "h\xe9llo", 1, 2, "ordinal not in range(128)")
print(e.encoding, e.object, e.start, e.end, e.reason, "|", str(e))
print(str(UnicodeEncodeError("ascii", "\u20ac\U0001f600", 0, 1, "r")))
print(str(UnicodeEncodeError("ascii", "\U0001f600", 0, 1, "r")))
print(str(UnicodeEncodeError("ascii", "abc", 0, 3, "r")))
e = UnicodeTranslateError("abc", 0, 1, "why")
print(e.object, e.start, e.end, e.reason, e.encoding, e.args)
for bad in [lambda: UnicodeDecodeError("utf-8"), lambda: UnicodeEncodeError(),
            lambda: UnicodeTranslateError(1, 2)]:
    try:
        bad()
    except TypeError as x:
        print("TypeError", x)
e = ImportError("no module", name="mod", path="/p/mod.py")
print(e.name, e.path, e.msg, e.args, str(e))
print(ImportError().name, ImportError().path, ImportError("a").msg)
print(ModuleNotFoundError("m", name="x").name)
e = NameError("n", name="foo")
print(e.name, NameError().name, UnboundLocalError("u", name="v").name)
e = AttributeError("a", name="attr", obj=[1])
print(e.name, e.obj, AttributeError().name, AttributeError().obj)
for bad in [lambda: ValueError(x=1), lambda: ImportError(foo=1), lambda: NameError(obj=1),
            lambda: AttributeError(path=1), lambda: KeyError("k", key=1)]:
    try:
        bad()
    except TypeError as x:
        print("TypeError", x)


class MyErr(ImportError):
    def __init__(self, msg, extra=None):
        super().__init__(msg)
        self.extra = extra


e = MyErr("m", extra=5)
print(e.extra, e.args, e.name)
for c in [BytesWarning, EncodingWarning, FutureWarning, ImportWarning,
          PendingDeprecationWarning, ResourceWarning, RuntimeWarning, SyntaxWarning,
          UnicodeWarning, UserWarning, DeprecationWarning]:
    print(c.__name__, issubclass(c, Warning), issubclass(c, Exception), repr(c("w")))
print(issubclass(UnicodeTranslateError, UnicodeError), issubclass(UnicodeError, ValueError))
e = ValueError("v")
e.args = ("changed", 2)
print(e.args, str(e))
