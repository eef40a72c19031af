import asyncio, types

@types.coroutine
def bad():
    yield 42

async def selfawait():
    await asyncio.current_task()

async def main():
    try:
        await bad()
    except RuntimeError as e:
        print(str(e)[:21])
    t = asyncio.create_task(selfawait())
    try:
        await t
    except RuntimeError as e:
        print(str(e)[:29])
    print("ok")

asyncio.run(main())
