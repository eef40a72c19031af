# __context__ set implicitly, __cause__ with raise from, __suppress_context__ with from None,
# bare raise, "No active exception to reraise", sys.exc_info, with_traceback and tracebacks.
import sys


def ctx():
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")


try:
    ctx()
except TypeError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    try:
        raise ValueError("a")
    except ValueError as a:
        raise KeyError("b") from a
except KeyError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        raise ValueError("a")
    except ValueError:
        raise KeyError("b") from None
except KeyError as e:
    print(e.__cause__, repr(e.__context__), e.__suppress_context__)
e = ValueError()
e.__cause__ = KeyError()
print(e.__suppress_context__, repr(e.__cause__))
e.__suppress_context__ = False
print(e.__suppress_context__)
try:
    raise
except RuntimeError as e:
    print("RuntimeError", e)
print(sys.exc_info())
try:
    raise ValueError("x")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, type(tb).__name__, tb.tb_lineno, tb.tb_next)
    try:
        raise
    except ValueError as again:
        print("re-raised", again is v)
print(sys.exc_info())


def deep(n):
    if n == 0:
        raise IndexError("bottom")
    deep(n - 1)


try:
    deep(2)
except IndexError as e:
    tb = e.__traceback__
    lines = []
    while tb is not None:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print(lines)
    print(e.with_traceback(None) is e, e.__traceback__)
try:
    ValueError().with_traceback(5)
except TypeError as x:
    print("TypeError", x)
try:
    e = ValueError()
    e.__traceback__ = "no"
except TypeError as x:
    print("TypeError", x)
try:
    raise ValueError("1") from 5
except TypeError as x:
    print("TypeError", x)


def chain3():
    try:
        try:
            raise OSError("disk")
        except OSError as a:
            raise ValueError("parse") from a
    except ValueError:
        try:
            raise ZeroDivisionError("math")
        finally:
            pass


chain3()
