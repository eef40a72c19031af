# Sleeps and timeouts longer than the longest timer (2**28 ms, 3.1 days).
import asyncio
async def main():
    t = asyncio.create_task(asyncio.sleep(10**6))
    t2 = asyncio.create_task(asyncio.sleep(10**6, "r"))
    await asyncio.sleep(0.01)
    t.cancel(); t2.cancel()
    for x in (t, t2):
        try:
            await x
        except asyncio.CancelledError:
            print("cancelled long sleep")
    print(await asyncio.wait_for(asyncio.sleep(0.01, "w"), 10**7))
asyncio.run(main())
