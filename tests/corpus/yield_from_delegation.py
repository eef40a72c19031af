# throw/close/send delegation to objects that are not generators (PEP 380)
class Plain:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        return self.i

class Full(Plain):
    def send(self, v):
        print("Full.send", v)
        return v * 2
    def throw(self, *a):
        print("Full.throw", a[0].__class__.__name__ if not isinstance(a[0], type) else a[0].__name__)
        raise StopIteration("thrown-return")
    def close(self):
        print("Full.close")

def d(it):
    r = yield from it
    print("d got", r)
    yield "after"

g = d(Plain())
print(next(g), next(g))
try:
    g.send(5)
except AttributeError as e:
    print("AttributeError", e)

g = d(Plain())
next(g)
try:
    g.throw(ValueError("no throw method"))
except ValueError as e:
    print("ValueError", e)

g = d(Plain())
next(g)
g.close()
print("closed plain")

g = d(Full())
print(next(g))
print(g.send(21))
print(g.throw(KeyError))
g = d(Full())
next(g)
g.close()

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("ignoring exit once")
    yield 2
def d2():
    yield from stubborn()
g = d2()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    g.close()
    print("second close ok")
except RuntimeError as e:
    print("RuntimeError", e)

def inner_fails():
    yield 1
    raise IndexError("inner")
def d3():
    try:
        yield from inner_fails()
    except IndexError as e:
        print("outer caught", e)
        yield "handled"
print(list(d3()))

def gen_returns_early():
    return 5
    yield
def d4():
    x = yield from gen_returns_early()
    yield x
print(list(d4()))

def g_throw_value():
    try:
        yield 1
    except ValueError:
        return "converted"
def d5():
    v = yield from g_throw_value()
    print("d5 v", v)
    yield v
g = d5()
next(g)
print(g.throw(ValueError))

async def c():
    pass
def yf_coro():
    yield from c_obj
c_obj = c()
try:
    next(yf_coro())
except TypeError as e:
    print("TypeError", e)
c_obj.close()

def started():
    yield from sub
def subgen():
    x = yield 1
    yield x
sub = subgen()
g = started()
try:
    g.send(1)
except TypeError as e:
    print("TypeError", e)
print(next(g), g.send("s"))
def ex():
    yield 1
    yield 2
def yfex():
    yield from ex()
g = yfex()
next(g)
next(g)
g.throw(ZeroDivisionError("uncaught through delegation"))
