import types
def outer():
    def gen():
        yield 1
    return gen
g = outer()()
print(g.__name__, g.__qualname__, g.gi_running, g.gi_yieldfrom)
def running():
    print("inside", me.gi_running)
    yield
me = running()
next(me)
def deleg():
    yield from sub
sub = outer()()
d = deleg()
next(d)
print(d.gi_yieldfrom is sub)
@types.coroutine
def pause():
    yield "p"
async def co():
    await pause()
class K:
    async def m(self):
        pass
c = co()
print(c.__name__, c.__qualname__, c.cr_running, c.cr_await)
c.send(None)
print(type(c.cr_await).__name__)
c.close()
m = K().m()
print(m.__name__, m.__qualname__)
m.close()
async def ag():
    yield 1
a = ag()
print(a.__name__, a.__qualname__, a.ag_running, a.ag_await)
try:
    g.nope
except AttributeError as e:
    print(e)
