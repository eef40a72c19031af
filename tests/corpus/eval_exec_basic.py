# eval/exec/compile through the embedder's compiler hook: namespaces, return values,
# code objects, functions and classes defined in exec'd code, and a traceback through it.
x = 10
print(eval("x + 1"))
print(eval("  x * 2"))
g = {"y": 5}
print(eval("y * 3", g))
print(sorted(g.keys()))
print(exec("z = x + 100"))
print(z)
d = {}
exec("a = 1\nb = a + 1\ndef f(n):\n    return n * b\nc = f(7)", d)
print(d["a"], d["b"], d["c"], d["f"].__name__)
print(eval("a + b", d, {"a": 100}))
loc = {}
exec("w = 7", None, loc)
print(loc)


def fn():
    q = 3
    return eval("q * 2"), eval("x"), eval("locals()")


print(fn())
code = compile("1 + 2", "<s>", "eval")
print(type(code).__name__, eval(code), exec(code))
code2 = compile("print('hi from exec')\nr = 42", "<s2>", "exec")
ns = {}
print(exec(code2, ns), ns["r"])
exec(code2, ns)
exec("class K:\n    v = 3\n    def m(self):\n        return self.v\nprint(K().m(), K.__name__)")
print(eval("[i * i for i in range(4)]"))
print(eval("(lambda a: a + x)(5)"))
print(eval("__import__('math').floor(2.5)"))
print(eval(b"x - 1"))
exec("def gen():\n    yield 1\n    yield 2\nprint(list(gen()))")
exec("try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    print('caught', e)")
counter = {"n": 0}
for i in range(3):
    exec("n += i", {"i": i}, counter)
print(counter)
try:
    exec("1/0")
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)


def outer():
    exec("raise ValueError('inner ' + str(x))")


outer()
