# Exceptions in tasks, current_task, run's return value, nested run and loop errors,
# leftover tasks cancelled when run returns, event-loop objects.
import asyncio


async def boom():
    await asyncio.sleep(0.01)
    raise KeyError("boom")


async def leftover():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("leftover cancelled when run() returned")
        raise


async def inner():
    return "inner"


async def main():
    t = asyncio.create_task(boom())
    try:
        await t
    except KeyError as e:
        print("task raised", repr(e), t.done(), repr(t.exception()))
    me = asyncio.current_task()
    print(isinstance(me, asyncio.Task), me is asyncio.current_task(), me.done())
    c = inner()
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print("nested:", e)
    c.close()
    c = inner()
    try:
        asyncio.get_running_loop().run_until_complete(c)
    except RuntimeError as e:
        print("nested loop:", e)
    c.close()
    asyncio.create_task(leftover())
    await asyncio.sleep(0)
    return 7


print("run returned", asyncio.run(main()))
try:
    asyncio.run(1)
except ValueError as e:
    print(e.args[0][:28])
try:
    asyncio.current_task()
except RuntimeError as e:
    print("outside:", e)
loop = asyncio.new_event_loop()
print(loop.run_until_complete(inner()), loop.is_running(), loop.is_closed())
t = loop.create_task(inner())
print(loop.run_until_complete(t), t.result())


async def stopper():
    await asyncio.sleep(0.01)
    print("stopping")
    asyncio.get_running_loop().stop()

loop.create_task(stopper())
loop.run_forever()
print("after run_forever")
loop.close()
print(loop.is_closed())
c = inner()
try:
    loop.run_until_complete(c)
except RuntimeError as e:
    print(e)
c.close()
