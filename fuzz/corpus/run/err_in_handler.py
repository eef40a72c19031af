# Errors raised inside except and finally blocks.
def risky():
    try:
        raise ValueError("first")
    except ValueError:
        raise KeyError("second")
try:
    risky()
except KeyError as e:
    print(type(e).__name__, e, "context:", type(e.__context__).__name__, e.__context__)
def fin():
    try:
        raise ValueError("lost")
    finally:
        raise TypeError("from finally")
try:
    fin()
except TypeError as e:
    print(e, "| context:", e.__context__)
def handled():
    try:
        raise ValueError("x")
    except ValueError:
        pass
    return "handled cleanly"
print(handled())
