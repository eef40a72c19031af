# generator.throw() and generator.close(), following CPython's semantics.
def counter():
    n = 0
    while True:
        try:
            yield n
            n += 1
        except ValueError as e:
            print("caught inside:", e)
            n = 100

g = counter()
print(next(g), next(g))
print("throw ->", g.throw(ValueError("reset")))
print(next(g))
print("throw type ->", g.throw(ValueError))
print("throw type+value ->", g.throw(ValueError, "as value"))
print("throw type+instance ->", g.throw(ValueError, ValueError("instance")))

# An exception the generator does not catch propagates and finishes it.
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated:", repr(e))
print(list(g), next(g, "done"))

# throw() into a finished generator just raises.
try:
    g.throw(IndexError("after end"))
except IndexError as e:
    print("finished:", e)

# throw() into a generator that has not started raises without running its body.
def never():
    try:
        yield 1
    except ValueError:
        print("not reached")
n = never()
try:
    n.throw(ValueError("early"))
except ValueError as e:
    print("unstarted:", e)
print(next(n, "exhausted"))

# The generator can return a value from the handler: StopIteration carries it.
def returner():
    try:
        yield 1
    except ValueError:
        return "handled"
r = returner()
next(r)
try:
    r.throw(ValueError)
except StopIteration as e:
    print("StopIteration value:", e.value)

# close(): GeneratorExit at the yield; finally blocks run.
def closer():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
c = closer()
print(next(c))
print("close ->", c.close())
print(next(c, "closed"), c.close())

# close() on a generator that never started, or has finished, does nothing.
c2 = closer()
c2.close()
print(next(c2, "closed before start"))

# A generator catching GeneratorExit and yielding again is a RuntimeError.
def stubborn():
    while True:
        try:
            yield 1
        except GeneratorExit:
            print("ignoring GeneratorExit")
        except KeyError:
            return
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
print(next(s), next(s, "still suspended"))
try:
    s.throw(KeyError)
except StopIteration:
    print("stubborn finished")

# Catching GeneratorExit and returning is fine; so is raising another exception.
def polite():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        return "ignored"
p = polite()
next(p)
print("close ->", p.close())

def angry():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("from close")
a = angry()
next(a)
try:
    a.close()
except ValueError as e:
    print("close raised:", e)

# GeneratorExit is a BaseException, not an Exception.
print(issubclass(GeneratorExit, Exception), issubclass(GeneratorExit, BaseException))

# Bad throw() arguments.
for bad in [(1,), (int,), (ValueError("x"), "v")]:
    try:
        counter().throw(*bad)
    except TypeError as e:
        print("TypeError:", e)

# A generator cannot resume itself.
def selfish():
    yield me.send(None)
me = selfish()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)

# The traceback of an uncaught throw() names the generator frame.
def tb():
    yield 1
t = tb()
next(t)
t.throw(OSError("uncaught"))
