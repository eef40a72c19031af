def run(coro):
    # A tiny event loop: drive the coroutine until it returns.
    try:
        while True:
            y = coro.send(None)
            print("loop got", y)
    except StopIteration as e:
        return e.value

class Sleep:
    def __init__(self, n):
        self.n = n
    def __await__(self):
        for i in range(self.n):
            yield ("tick", i)
        return self.n * 10

async def add(a, b):
    s = await Sleep(2)
    return a + b + s

async def main():
    x = await add(1, 2)
    print("x", x)
    y = await add(3, 4)
    return x + y

c = main()
print(type(c).__name__)
print(repr(c)[:22])
print(run(c))

async def noawait():
    return 42
print(run(noawait()))

c = noawait()
run(c)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)

async def bad():
    await 5
try:
    run(bad())
except TypeError as e:
    print("TypeError", e)

class BadAwait:
    def __await__(self):
        return 3
async def bad2():
    await BadAwait()
try:
    run(bad2())
except TypeError as e:
    print("TypeError", e)

c = noawait()
try:
    next(c)
except TypeError as e:
    print("TypeError", e)
try:
    iter(c)
except TypeError as e:
    print("TypeError", e)
c.close()

w = noawait()
aw = w.__await__()
print(type(aw).__name__)
try:
    next(aw)
except StopIteration as e:
    print("wrapper stop", e.value)

class ACM:
    async def __aenter__(self):
        print("aenter")
        await Sleep(1)
        return "res"
    async def __aexit__(self, t, v, tb):
        print("aexit", t)
        return True

async def useacm():
    async with ACM() as r:
        print("inside", r)
        raise ValueError("swallowed")
    print("after")
run(useacm())

class AIt:
    def __init__(self):
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        self.i += 1
        if self.i > 3:
            raise StopAsyncIteration
        await Sleep(1)
        return self.i

async def loop():
    async for v in AIt():
        print("v", v)
    else:
        print("else")
    r = [v async for v in AIt()]
    print(r)
    r = [await add(i, 0) for i in range(2)]
    print(r)
run(loop())

async def thrower():
    try:
        await Sleep(3)
    except KeyError as e:
        print("caught in coro", e)
        return "recovered"
c = thrower()
print(c.send(None))
try:
    c.throw(KeyError("k"))
except StopIteration as e:
    print("stop", e.value)

async def gen_exit():
    try:
        await Sleep(3)
    finally:
        print("finally on close")
c = gen_exit()
c.send(None)
c.close()
print("end")
async def fails():
    await Sleep(1)
    raise ValueError("inside coroutine")
async def caller():
    await fails()
run(caller())
