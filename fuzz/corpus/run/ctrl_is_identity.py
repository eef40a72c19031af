# is / is not for None, booleans and shared objects (ids compared, never printed).
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, id(a) == id(b), id(a) == id(c))
print(None is None, True is True, False is not True)
x = None
if x is None:
    print("x is None")
def f():
    pass
print(f() is None, type(None).__name__)
t = (a, a)
print(t[0] is t[1], t[0] is a)
s = "shared"
u = s
print(s is u)
print(type(1) is int, type(True) is bool, type("") is str, type([]) is not tuple)
