import types

@types.coroutine
def sleep0():
    x = yield "sleeping"
    return x

async def waiter():
    r = await sleep0()
    print("waiter resumed with", r)
    return r * 2

def run(coro, values):
    it = iter(values)
    try:
        y = coro.send(None)
        while True:
            print("yielded", y)
            y = coro.send(next(it))
    except StopIteration as e:
        return e.value

print(run(waiter(), [21]))

def plain():
    yield 1
async def await_plain():
    await plain()
c = await_plain()
try:
    c.send(None)
except TypeError as e:
    print("TypeError", e)

@types.coroutine
def delegating():
    # a generator-based coroutine may `yield from` a native coroutine
    r = yield from waiter()
    return r + 1
print(run(delegating(), [5]))
print(type(delegating()).__name__)
print(types.CoroutineType, types.GeneratorType)
try:
    types.coroutine(5)
except TypeError as e:
    print("TypeError", e)

async def native():
    return 1
print(types.coroutine(native) is native)

# a coroutine being awaited by another cannot be awaited again
async def inner():
    await sleep0()
async def twice(c):
    await c
c = inner()
t1 = twice(c)
t1.send(None)
t2 = twice(c)
try:
    t2.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
t1.close()
t2.close()

c = native()
try:
    c.send(1)
except TypeError as e:
    print("TypeError", e)
c.close()

async def running():
    c_self.send(None)
c_self = running()
try:
    c_self.send(None)
except ValueError as e:
    print("ValueError", e)

async def throws():
    await sleep0()
c = throws()
c.send(None)
try:
    c.throw(OSError("thrown in"))
except OSError as e:
    print("OSError", e)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
c = throws()
c.send(None)
print(c.close())
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
print(repr(native)[:22])
c = native()
print(repr(c).startswith("<coroutine object native at 0x"))
c.close()
def f():
    pass
async def caller():
    await f()
c = caller()
c.send(None)
