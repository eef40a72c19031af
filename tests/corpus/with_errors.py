class NoEnter:
    def __exit__(self, *a): pass
class NoExit:
    def __enter__(self): return self
class Empty: pass
for cls in (NoEnter, NoExit, Empty):
    try:
        with cls():
            print("not reached")
    except TypeError as e:
        print("TypeError:", e)
try:
    with 42:
        pass
except TypeError as e:
    print("TypeError:", e)

class EnterFails:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("exit must not run")
try:
    with EnterFails():
        print("no")
except RuntimeError as e:
    print("caught", e)

class ExitFails:
    def __init__(self, suppress=False):
        self.suppress = suppress
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("exit sees", t.__name__ if t else None, v)
        raise KeyError("from exit")

try:
    with ExitFails():
        pass
except KeyError as e:
    print("normal path exit raised", e)
try:
    with ExitFails():
        raise ValueError("body")
except KeyError as e:
    print("exit raised", repr(e), "context", repr(e.__context__))

class Truthy:
    def __init__(self, v): self.v = v
    def __bool__(self):
        print("bool called")
        return self.v
class Ret:
    def __init__(self, r): self.r = r
    def __enter__(self): return self
    def __exit__(self, *a): return self.r
for r in (0, 1, "", "x", None, Truthy(True), Truthy(False)):
    try:
        with Ret(r):
            raise IndexError("i")
        print("suppressed by", repr(r) if not isinstance(r, Truthy) else r.v)
    except IndexError:
        print("propagated for", repr(r) if not isinstance(r, Truthy) else r.v)

# the exception being handled inside __exit__ is the body's exception
import sys
class Peek:
    def __enter__(self): return self
    def __exit__(self, t, v, tb):
        print("exc_info in exit:", sys.exc_info()[0])
        return True
with Peek():
    raise OSError("o")
print("exc_info after:", sys.exc_info()[0])

# with inside a generator, closed early
class Log:
    def __init__(self, n): self.n = n
    def __enter__(self): print("enter", self.n); return self.n
    def __exit__(self, t, v, tb): print("exit", self.n, t); return False
def gen():
    with Log(1) as a:
        yield a
        yield a + 1
g = gen()
print(next(g))
g.close()

def nested():
    for i in range(3):
        with Log("outer"):
            with Log("inner"):
                try:
                    if i == 1:
                        break
                finally:
                    print("finally", i)
    return "r"
print(nested())
def ret_in_except():
    try:
        raise ValueError
    except ValueError:
        with Log("e"):
            return "from except"
print(ret_in_except(), sys.exc_info()[0])

def exit_fails_deep():
    with ExitFails():
        raise ValueError("body error")
exit_fails_deep()
