eg = ExceptionGroup("msg", [ValueError(1), TypeError("t"), ValueError(2)])
print(repr(eg), str(eg))
print(eg.message, eg.exceptions, eg.args)
print(isinstance(eg, Exception), isinstance(eg, BaseExceptionGroup), issubclass(ExceptionGroup, BaseExceptionGroup))
print(issubclass(BaseExceptionGroup, Exception), ExceptionGroup.__mro__)
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup(TypeError)), eg.subgroup(KeyError))
print(repr(eg.split(lambda e: isinstance(e, TypeError))))
b = BaseExceptionGroup("b", [ValueError()])
print(type(b).__name__)
b = BaseExceptionGroup("b", [KeyboardInterrupt()])
print(type(b).__name__, isinstance(b, Exception))
for args in [(), ("m",), (1, [ValueError()]), ("m", ValueError()), ("m", []), ("m", [1]), ("m", {ValueError()})]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as e:
    print(e)

nested = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b"), ValueError("c")]), KeyError("d")])
m, r = nested.split(ValueError)
print(repr(m))
print(repr(r))

def f():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError as e:
        print("caught V", repr(e))
    except* TypeError as e:
        print("caught T", repr(e))
    except* OSError:
        print("caught O")
f()

def g():
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print("naked", repr(e), repr(e.exceptions[0]))
g()

def h():
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
        except* ValueError:
            print("handled V")
    except ExceptionGroup as e:
        print("left", repr(e))
h()

def k():
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
        except* ValueError:
            raise KeyError("new")
    except ExceptionGroup as e:
        print("merged", repr(e), repr(e.exceptions))
        print(repr(e.exceptions[0].__context__))
k()

def reraise():
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
        except* ValueError:
            raise
    except ExceptionGroup as e:
        print("reraised", repr(e))
reraise()

try:
    try:
        raise TypeError("x")
    except* ValueError:
        print("no")
except TypeError as e:
    print("plain passes", repr(e))

try:
    try:
        raise ValueError("x")
    except* ExceptionGroup:
        pass
except TypeError as e:
    print(e)

def no_exc():
    try:
        x = 1
    except* ValueError:
        print("never")
    else:
        print("else ran")
    finally:
        print("finally ran")
no_exc()

class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message, excs)
try:
    raise MyEG("mine", [ValueError(1), TypeError(2)])
except* ValueError as e:
    print("sub", type(e).__name__, repr(e))
except* TypeError as e:
    print("sub", type(e).__name__, repr(e))
print(MyEG.__mro__)
