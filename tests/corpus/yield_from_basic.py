def inner():
    x = yield 1
    print("inner got", x)
    y = yield 2
    print("inner got", y)
    return "ret"

def outer():
    r = yield from inner()
    print("outer got", r)
    yield from [10, 20]
    r2 = yield from iter(range(2))
    print("r2", r2)
    return "done"

g = outer()
print(next(g))
print(g.send("a"))
print(g.send("b"))
print(list(g))
print(list(outer()))

def catcher():
    try:
        yield 1
    except ValueError as e:
        print("caught", e)
        yield 99
    return 7

def deleg():
    r = yield from catcher()
    print("deleg r", r)
    yield 100

g = deleg()
print(next(g))
print(g.throw(ValueError("v")))
print(next(g))

def closer():
    try:
        yield 1
    finally:
        print("inner closed")

def deleg2():
    try:
        yield from closer()
    finally:
        print("outer closed")

g = deleg2()
next(g)
g.close()
print("closed")

class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration("itret")
        return self.n

def d3():
    r = yield from It()
    print("r", r)
print(list(d3()))

def bad():
    yield 1
    raise StopIteration("x")
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError", e, repr(e.__cause__))

def selfref():
    yield from g2
g2 = selfref()
try:
    next(g2)
except ValueError as e:
    print("ValueError", e)

def thrower():
    yield 1
def d4():
    yield from thrower()
g = d4()
next(g)
g.throw(KeyError("k"))
