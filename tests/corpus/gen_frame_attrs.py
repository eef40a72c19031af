def g():
    x = 1
    yield x
    y = x + 1
    yield from h(y)
    return "r"


def h(n):
    yield n * 10


gen = g()
fr = gen.gi_frame
print(type(fr).__name__, fr.f_lineno, fr.f_code is g.__code__, fr.f_locals, fr.f_back)
print(gen.gi_code is g.__code__, gen.gi_code.co_name if hasattr(gen.gi_code, "co_name") else "", gen.gi_yieldfrom, gen.gi_running, gen.gi_suspended)
print(next(gen), fr.f_lineno, fr.f_locals, gen.gi_suspended, gen.gi_frame is fr)
print(next(gen), fr.f_lineno, sorted(fr.f_locals.items()), type(gen.gi_yieldfrom).__name__)
print(fr.f_globals is globals())
print(list(gen), gen.gi_frame, gen.gi_yieldfrom, gen.gi_running, gen.gi_suspended)


def running():
    me = yield
    print("inside", me.gi_running, me.gi_frame.f_lineno)
    yield


r = running()
next(r)
r.send(r)
r.close()
print(r.gi_frame)


async def c(a):
    b = a * 2
    return b


co = c(3)
print(co.cr_frame.f_lineno, co.cr_code is c.__code__, co.cr_origin, co.cr_await, co.cr_running, co.cr_suspended)
print(co.cr_frame.f_locals)
try:
    co.send(None)
except StopIteration as e:
    print("value", e.value, co.cr_frame)
co2 = c(1)
co2.close()
print(co2.cr_frame)


async def ag():
    z = 5
    yield z


a = ag()
print(a.ag_frame.f_lineno, a.ag_code is ag.__code__, a.ag_running, a.ag_await, hasattr(a, "ag_suspended"))
print(g.__code__.co_name, c.__code__.co_firstlineno, h.__code__.co_argcount, g.__code__.co_qualname)
for name in ("gi_frame", "cr_frame", "ag_code", "cr_origin"):
    print(name, hasattr(gen, name), hasattr(co, name), hasattr(a, name))
