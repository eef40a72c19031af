# finally blocks run while an uncaught exception propagates.
def inner():
    try:
        print("inner start")
        raise RuntimeError("inner failure")
    finally:
        print("inner finally")
def outer():
    try:
        inner()
    finally:
        print("outer finally")
outer()
