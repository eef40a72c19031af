# Catching via base classes of the built-in hierarchy.
def attempt(fn):
    try:
        fn()
    except LookupError as e:
        print("LookupError <-", type(e).__name__)
    except ArithmeticError as e:
        print("ArithmeticError <-", type(e).__name__)
    except Exception as e:
        print("Exception <-", type(e).__name__)
attempt(lambda: [][0])
attempt(lambda: {}[1])
attempt(lambda: "abc"[10])
attempt(lambda: 1 / 0)
attempt(lambda: 1 % 0)
attempt(lambda: int("x"))
attempt(lambda: None.attr)
attempt(lambda: undefined_thing)
for cls in [KeyError, IndexError, ZeroDivisionError, ValueError, TypeError, AttributeError,
            NameError, UnboundLocalError, StopIteration, RecursionError, AssertionError,
            NotImplementedError, OverflowError, RuntimeError]:
    print(cls.__name__, issubclass(cls, Exception), issubclass(cls, LookupError),
          issubclass(cls, ArithmeticError), issubclass(cls, RuntimeError), issubclass(cls, NameError))
print(issubclass(Exception, BaseException), issubclass(KeyboardInterrupt, Exception))
