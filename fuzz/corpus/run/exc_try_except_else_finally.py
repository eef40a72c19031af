# Order of execution through try/except/else/finally.
def run(x):
    try:
        print("try", x)
        r = 10 // x
    except ZeroDivisionError:
        print("except")
        r = None
    else:
        print("else", r)
    finally:
        print("finally")
    return r
print(run(2))
print(run(0))
try:
    pass
finally:
    print("finally without except")
try:
    raise KeyError("k")
except (TypeError, KeyError) as e:
    print("tuple caught", type(e).__name__, e)
try:
    [][1]
except KeyError:
    print("wrong")
except IndexError as e:
    print("second clause", e)
except Exception:
    print("never")
try:
    {}["x"]
except Exception as e:
    print("generic", repr(e))
