# NameError and UnboundLocalError.
try:
    print(undefined_variable)
except NameError as e:
    print(type(e).__name__, e)
def uses_before_assign():
    print(counter)
    counter = 1
counter = 5
try:
    uses_before_assign()
except UnboundLocalError as e:
    print(type(e).__name__, isinstance(e, NameError))
def maybe(flag):
    if flag:
        val = "set"
    return val
print(maybe(True))
try:
    maybe(False)
except NameError as e:
    print("caught as NameError:", type(e).__name__)
def deleted():
    x = 1
    del x
    return x
try:
    deleted()
except UnboundLocalError:
    print("deleted local is unbound")
try:
    del never_defined
except NameError as e:
    print(e)
