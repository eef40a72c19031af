# add_note / __notes__, and the notes printed after the message in a chained traceback.
e = ValueError("v")
print(hasattr(e, "__notes__"))
print(e.add_note("first"), e.__notes__)
e.add_note("second")
print(e.__notes__)
try:
    e.add_note(5)
except TypeError as x:
    print("TypeError", x)
e2 = KeyError("k")
e2.__notes__ = "not a list"
try:
    e2.add_note("n")
except TypeError as x:
    print("TypeError", x)


def inner():
    try:
        {}["missing"]
    except KeyError as k:
        k.add_note("while looking up the config")
        raise


def outer():
    try:
        inner()
    except KeyError as k:
        err = RuntimeError("lookup failed")
        err.add_note("note one")
        err.add_note("note two")
        raise err from k


outer()
