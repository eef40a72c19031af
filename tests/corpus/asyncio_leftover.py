# Tasks left when run's coroutine returns are cancelled and awaited: one that catches the
# cancellation and sleeps on, one that ignores it, one that had not started.
import asyncio


async def cleanup():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("cleanup: cancelled, cleaning up")
        await asyncio.sleep(0.01)
        print("cleanup: done")
        raise


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn: ignoring the cancellation")
    return "stubborn result"


async def never_started():
    print("never printed")


async def main():
    asyncio.create_task(cleanup())
    await asyncio.sleep(0)
    print("main returns")
    return "main result"


print(asyncio.run(main()))


async def main2():
    asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    asyncio.create_task(never_started())
    return 2


print(asyncio.run(main2()))


async def fails():
    raise OSError(5, "bad")


async def main3():
    try:
        await asyncio.create_task(fails())
    except OSError as e:
        print("caught", e)
    try:
        await fails()
    except OSError as e:
        print("caught", e.errno)
    t = asyncio.create_task(fails())
    await asyncio.sleep(0)
    print(t.done(), type(t.exception()).__name__)
    try:
        t.result()
    except OSError as e:
        print("result raised", e)
    f = asyncio.get_running_loop()
    print(f.is_running())


asyncio.run(main3())
try:
    asyncio.run(fails())
except OSError as e:
    print("run raised", e)
