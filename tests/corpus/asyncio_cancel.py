# Cancellation: CancelledError at the await point, cancel()'s return value, awaiting a
# cancelled task, catching the cancellation and going on, cancelling a finished task.
import asyncio


async def worker(name, delay):
    try:
        print(name, "sleeping")
        await asyncio.sleep(delay)
        print(name, "woke")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled at the await")
        raise
    finally:
        print(name, "finally")


async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("stubborn caught it")
    await asyncio.sleep(0.01)
    return "stubborn result"


async def quick():
    return 42


async def main():
    t = asyncio.create_task(worker("w1", 1))
    await asyncio.sleep(0.01)
    print("cancel ->", t.cancel())
    print("done?", t.done(), "cancelled?", t.cancelled())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting it raised CancelledError")
    print("done?", t.done(), "cancelled?", t.cancelled())
    print("cancel again ->", t.cancel())

    t = asyncio.create_task(worker("w2", 1))
    print("cancel before it ran ->", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("w2 cancelled before starting")

    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print(await t, t.cancelled())

    t = asyncio.create_task(quick())
    await asyncio.sleep(0)
    print("cancel finished ->", t.cancel(), t.result())

    t = asyncio.create_task(worker("w3", 1))
    await asyncio.sleep(0)
    t.cancel("with a message")
    try:
        await t
    except asyncio.CancelledError as e:
        print("message:", e.args)

    print(issubclass(asyncio.CancelledError, BaseException),
          issubclass(asyncio.CancelledError, Exception))


asyncio.run(main())
