import types


async def f():
    return 5


async def main():
    c = f()
    print(await c)
    try:
        await c
    except RuntimeError as e:
        print(type(e).__name__, e)
    return "main done"


m = main()
try:
    m.send(None)
except StopIteration as e:
    print("result", e.value)

c = f()
try:
    c.send(None)
except StopIteration as e:
    print("first", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)


@types.coroutine
def suspend():
    yield "tick"


async def stubborn():
    try:
        await suspend()
    except GeneratorExit:
        await suspend()


s = stubborn()
print(s.send(None))
try:
    s.close()
except RuntimeError as e:
    print(type(e).__name__, e)


async def swallow():
    try:
        await suspend()
    except GeneratorExit:
        return "swallowed"


w = swallow()
print(w.send(None))
print(w.close())
print(w.cr_frame, w.cr_running)
try:
    w.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
except StopIteration:
    print("StopIteration")
try:
    w.throw(ValueError("late"))
except ValueError as e:
    print(type(e).__name__, e)
