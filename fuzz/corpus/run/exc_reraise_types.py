# Raising exception classes vs instances, and re-raising a stored exception.
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
saved = None
try:
    1 / 0
except ZeroDivisionError as e:
    saved = e
print(type(saved).__name__, saved)
try:
    raise saved
except ArithmeticError as e:
    print("re-raised", e is saved)
def thrower(kind):
    if kind == "t":
        raise TypeError("type problem")
    if kind == "v":
        raise ValueError("value problem")
    return "fine"
for k in "tvx":
    try:
        print(thrower(k))
    except (TypeError, ValueError) as e:
        print("caught", type(e).__name__, e)
