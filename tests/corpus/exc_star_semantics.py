# except* in detail: tuples of types, several clauses raising, re-raising parts, nesting,
# generators, finally, sys.exc_info inside a clause, and the errors CPython gives.
import sys


def show(label, f):
    try:
        f()
        print(label, "-> no exception")
    except BaseException as e:
        print(label, "->", type(e).__name__, repr(e))
        if isinstance(e, BaseExceptionGroup):
            for x in e.exceptions:
                print("   ", repr(x), repr(x.__context__))


def tuple_types():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2), KeyError(3)])
    except* (ValueError, TypeError) as e:
        print("tuple caught", repr(e))


def two_raise():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise RuntimeError("from V")
    except* TypeError:
        raise RuntimeError("from T")


def partial_reraise():
    try:
        raise ExceptionGroup("g", [ValueError(1), ExceptionGroup("n", [ValueError(2), TypeError(3)])])
    except* ValueError as e:
        print("clause sees", repr(e))
        raise


def raise_and_rest():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise KeyError("k")
    except* TypeError:
        pass


def exc_info_inside():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("exc_info", repr(sys.exc_info()[1]))
    except* TypeError:
        print("exc_info", repr(sys.exc_info()[1]))
    print("after", sys.exc_info())


def nested_star():
    try:
        raise ExceptionGroup("outer", [ValueError(1)])
    except* ValueError:
        try:
            raise ExceptionGroup("inner", [TypeError(2)])
        except* TypeError as t:
            print("inner caught", repr(t))
        print("outer clause done")


def with_finally():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("V")
    finally:
        print("finally")


def gen():
    try:
        yield 1
        raise ExceptionGroup("in gen", [ValueError("g")])
    except* ValueError as e:
        yield repr(e)
    yield 3


def bad_type():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* 42:
        pass


def bad_type_eg():
    try:
        raise ValueError(1)
    except* (ValueError, BaseExceptionGroup):
        pass


def naked_base():
    try:
        raise KeyboardInterrupt("ki")
    except* KeyboardInterrupt as e:
        print("naked base", type(e).__name__, repr(e))


def naked_raise_new():
    try:
        raise ValueError("v")
    except* ValueError:
        raise TypeError("t")


def naked_unmatched():
    try:
        raise ValueError("v")
    except* TypeError:
        print("never")


def loop_in_clause():
    for i in range(3):
        try:
            raise ExceptionGroup("g", [ValueError(i)])
        except* ValueError as e:
            for j in range(5):
                if j == 1:
                    break
                print("i", i, "j", j, repr(e.exceptions[0]))


for name, f in [
    ("tuple_types", tuple_types),
    ("two_raise", two_raise),
    ("partial_reraise", partial_reraise),
    ("raise_and_rest", raise_and_rest),
    ("exc_info_inside", exc_info_inside),
    ("nested_star", nested_star),
    ("with_finally", with_finally),
    ("bad_type", bad_type),
    ("bad_type_eg", bad_type_eg),
    ("naked_base", naked_base),
    ("naked_raise_new", naked_raise_new),
    ("naked_unmatched", naked_unmatched),
    ("loop_in_clause", loop_in_clause),
]:
    show(name, f)
print(list(gen()))

# split with a predicate sees groups too, subgroup keeps the shape, derive of a subclass
eg = ExceptionGroup("top", [ValueError(1), ExceptionGroup("mid", [TypeError(2), ValueError(3)])])
seen = []
print(repr(eg.split(lambda e: seen.append(type(e).__name__) or isinstance(e, ValueError))))
print(seen)
print(repr(eg.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == "mid")))
print(eg.subgroup(ValueError).exceptions[1].message)
try:
    eg.split(1)
except TypeError as e:
    print(e)
eg.add_note("n")
m, r = eg.split(ValueError)
print(m.__notes__, r.__notes__, m.__notes__ is eg.__notes__)
try:
    eg.message = "x"
except AttributeError as e:
    print("AttributeError", e)
