# raise ... from sets __cause__; implicit chaining sets __context__.
class AppError(Exception):
    pass
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise AppError("bad input: " + s) from e
try:
    parse("abc")
except AppError as e:
    print(type(e).__name__, e)
    print(type(e.__cause__).__name__, e.__cause__)
    print(e.__suppress_context__, e.__context__ is e.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")
except ValueError as e:
    print(e, type(e.__context__).__name__, e.__cause__)
try:
    try:
        raise KeyError("inner")
    except KeyError:
        raise RuntimeError("outer") from None
except RuntimeError as e:
    print(e, e.__cause__, e.__suppress_context__)
