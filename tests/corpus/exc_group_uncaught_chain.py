# An exception group raised while handling another, and one raised from a cause.


def caused():
    try:
        raise KeyError("root")
    except KeyError as k:
        raise ExceptionGroup("caused", [ValueError("x")]) from k


try:
    caused()
except ExceptionGroup as eg:
    print("caught", repr(eg), repr(eg.__cause__))

try:
    raise RuntimeError("first")
except RuntimeError:
    raise ExceptionGroup("during", [ValueError("second"), BaseExceptionGroup("b", [TypeError("t")])])
