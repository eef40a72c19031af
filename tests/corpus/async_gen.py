import types

@types.coroutine
def tick(tag):
    got = yield ("tick", tag)
    return got

def run(coro):
    try:
        while True:
            y = coro.send(None)
            print("  loop:", y)
    except StopIteration as e:
        return e.value

async def agen(n):
    for i in range(n):
        await tick(i)
        yield i * 10
    print("agen done")

async def main():
    async for v in agen(3):
        print("got", v)
    print([v async for v in agen(2)])
    print({v: v async for v in agen(1)})
    g = agen(2)
    print(await g.__anext__())
    print(await g.asend(None))
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration")
    gen = (v + 1 async for v in agen(2))
    print(type(gen).__name__)
    async for v in gen:
        print("genexp", v)
    return "main done"

print(run(main()))

async def echo():
    received = None
    while True:
        try:
            received = yield received
        except KeyError as e:
            received = "caught " + str(e)
        except GeneratorExit:
            print("echo closing")
            raise

async def main2():
    e = echo()
    print(await e.asend(None))
    print(await e.asend("hello"))
    print(await e.athrow(KeyError("k")))
    await e.aclose()
    try:
        await e.asend("again")
    except StopAsyncIteration:
        print("closed for good")
    a = e.asend(None)
    print(type(a).__name__)
    a.close()

run(main2())

g = agen(1)
print(type(g).__name__, repr(g).startswith("<async_generator object agen at 0x"))
aw = g.__anext__()
print(type(aw).__name__)
try:
    while True:
        print("step", aw.send(None))
except StopIteration as e:
    print("value", e.value)
try:
    aw.send(None)
except RuntimeError as e:
    print("RuntimeError", e)

async def bad_stop():
    yield 1
    raise StopAsyncIteration
async def main3():
    try:
        async for v in bad_stop():
            print("v", v)
    except RuntimeError as e:
        print("RuntimeError", e)
run(main3())

async def ignores():
    try:
        yield 1
    except GeneratorExit:
        yield 2
async def main4():
    g = ignores()
    await g.__anext__()
    try:
        await g.aclose()
    except RuntimeError as e:
        print("RuntimeError", e)
run(main4())

async def fails():
    yield 1
    raise ValueError("in async generator")
async def main5():
    async for v in fails():
        print("v", v)
run(main5())
