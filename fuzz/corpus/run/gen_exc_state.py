# A generator suspended inside an `except` block keeps its own handled exception
# (CPython's gi_exc_state): the caller does not see it, and it comes back on resume.
import sys

def current():
    e = sys.exc_info()[1]
    return None if e is None else repr(e)

def inside_except():
    try:
        raise ValueError("gen's own")
    except ValueError:
        yield current()
        yield current()
        # A bare raise re-raises the generator's exception, not the caller's.
        try:
            raise
        except ValueError as e:
            yield "re-raised " + repr(e)
    yield current()

g = inside_except()
print("gen sees:", next(g))
print("caller sees:", current())
try:
    raise KeyError("caller's")
except KeyError:
    print("gen sees:", next(g))
    print("caller still sees:", current())
    print(next(g))
print("after except, gen sees:", next(g))
print("caller sees:", current())

# Outside any own except block, a generator sees its caller's exception.
def plain():
    yield current()
    yield current()

p = plain()
print("plain:", next(p))
try:
    raise TypeError("outer")
except TypeError:
    print("plain in except:", next(p))

# Exceptions raised inside the generator's except block chain to its own exception.
def chained():
    try:
        raise ValueError("first")
    except ValueError:
        yield 1
        raise RuntimeError("second")

c = chained()
next(c)
try:
    raise KeyError("unrelated")
except KeyError:
    try:
        next(c)
    except RuntimeError as e:
        print(repr(e), "context:", repr(e.__context__))

# The same with a for loop driving the generator.
def loop_gen():
    for i in range(3):
        try:
            raise IndexError(i)
        except IndexError:
            yield current()
for x in loop_gen():
    print("loop:", x, "caller:", current())

# throw() into a generator suspended in an except block: the new exception's context is
# the generator's handled exception.
def thrown():
    try:
        raise ValueError("handled in gen")
    except ValueError:
        try:
            yield 1
        except KeyError as e:
            yield "context: " + repr(e.__context__)

t = thrown()
next(t)
print(t.throw(KeyError("thrown")))
