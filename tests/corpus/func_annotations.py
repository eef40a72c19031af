import gc


def trace(x):
    print("eval", x)
    return x


def f(a: int, b: "str" = "x", *args: trace("args"), c: float = 1.5, d, **kw: dict) -> bool:
    return True


print(f.__annotations__)
print(f.__defaults__, f.__kwdefaults__)


def g(x, y=2):
    pass


print(g.__annotations__, g.__kwdefaults__, g.__defaults__)
g.__annotations__["x"] = int
print(g.__annotations__)
g.__annotations__ = {"z": 1}
print(g.__annotations__)
print(f.__code__ is not None, (lambda: 0).__annotations__)


def order(p: trace("p") = trace("default")) -> trace("ret"):
    pass


print(order.__annotations__)


class C:
    x: int
    y: str = "hello"
    __private: list = []
    if True:
        z: trace("z") = 3

    def m(self, v: "C") -> None:
        w: undefined_name = 5
        self.attr: int = v
        return w


print(C.__annotations__, C.y, C.z)
print(C.m.__annotations__)
print(C().m(7))
print("x" in C.__dict__, "__annotations__" in C.__dict__)


class Empty:
    def meth(self):
        pass


print(Empty.meth.__annotations__, "__annotations__" in Empty.__dict__)
count: int = 0
label: str
print(__annotations__)
obj = C()
obj.attr2: int = 4
print(obj.attr2, __annotations__)
d = {}
d["k"]: list = [1]
print(d, sorted(__annotations__))


def outer():
    T = list

    def inner(a: T) -> T:
        pass

    return inner


print(outer().__annotations__)


async def co(a: int) -> str:
    return ""


print(co.__annotations__)
try:
    def bad(a: undefined_ann):
        pass
except NameError as e:
    print(type(e).__name__, e)
