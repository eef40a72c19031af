# wait_for: the result within the timeout, TimeoutError (the builtin) after cancelling the
# inner task, timeout None, a task argument, a zero timeout.
import asyncio


async def slow(name, delay):
    try:
        await asyncio.sleep(delay)
        return name
    except asyncio.CancelledError:
        print(name, "was cancelled by wait_for")
        raise


async def main():
    print(await asyncio.wait_for(slow("fast", 0.01), 0.05))
    try:
        await asyncio.wait_for(slow("late", 0.5), 0.02)
    except asyncio.TimeoutError as e:
        print("timed out:", type(e).__name__, asyncio.TimeoutError is TimeoutError)
    print(await asyncio.wait_for(slow("untimed", 0.01), None))
    t = asyncio.create_task(slow("task", 0.5))
    try:
        await asyncio.wait_for(t, 0.01)
    except TimeoutError:
        print("task cancelled:", t.cancelled())
    try:
        await asyncio.wait_for(slow("zero", 0.01), 0)
    except TimeoutError:
        print("zero timeout")


asyncio.run(main())
