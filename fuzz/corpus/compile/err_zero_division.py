# ZeroDivisionError in its various forms (messages printed only where stable across versions).
cases = [lambda: 5 / 0, lambda: 5 // 0, lambda: divmod(5, 0),
         lambda: 5.0 / 0, lambda: (10 ** 30) // 0, lambda: 0 / 0]
for i, fn in enumerate(cases):
    try:
        fn()
        print(i, "no error")
    except ZeroDivisionError as e:
        print(i, type(e).__name__, e)
for fn in [lambda: 5 % 0, lambda: 5.0 // 0.0, lambda: 5.0 % 0, lambda: divmod(1.5, 0)]:
    try:
        fn()
    except ZeroDivisionError as e:
        print(type(e).__name__, isinstance(e, ArithmeticError))
x = 0
try:
    x = 1 / x
except ArithmeticError as e:
    print("as ArithmeticError:", e, x)
