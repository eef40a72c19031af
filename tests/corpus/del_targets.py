# del of every target kind, and the errors of unbound names.

x = 1
del x
try:
    x
except NameError as e:
    print("NameError:", e)

g = "global"


def del_global():
    global g
    del g


del_global()
print("g" in globals())
try:
    del_global()
except NameError as e:
    print("NameError:", e)


class Obj:
    cls_attr = 1


o = Obj()
o.a, o.b = 1, 2
del o.a
print(vars(o))
try:
    del o.a
except AttributeError as e:
    print("AttributeError:", e)
del Obj.cls_attr
print(hasattr(Obj, "cls_attr"))

lst = list(range(10))
del lst[0]
del lst[-1]
print(lst)
del lst[1:3]
print(lst)
del lst[::2]
print(lst)
del lst[:]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["a"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)

# Tuple and list targets, nested, deleted left to right.
a, b, c, e = 1, [1, 2, 3], {"k": 1}, Obj()
e.z = 1
del (a, [b[0], c["k"]]), e.z
print(b, c, vars(e))
try:
    a
except NameError as err:
    print("NameError:", err)

# A tuple deletion stops at the first failure.
p = q = 1
try:
    del p, missing, q
except NameError as err:
    print("NameError:", err)
print("q" in globals(), "p" in globals())


def locals_del():
    v = 1
    del v
    try:
        print(v)
    except UnboundLocalError as err:
        print("UnboundLocalError:", err)
    try:
        del v
    except UnboundLocalError as err:
        print("UnboundLocalError:", err)
    v = 2
    return v


print(locals_del())


def closure_del():
    cell = "c"

    def read():
        return cell

    print(read())
    del cell
    try:
        read()
    except NameError as err:
        print(type(err).__name__ + ":", err)
    try:
        del cell
    except NameError as err:
        print(type(err).__name__ + ":", err)
    cell = "again"
    return read()


print(closure_del())


def unbound_before_assignment():
    try:
        print(late)
    except UnboundLocalError as err:
        print("UnboundLocalError:", err)
    late = 1


unbound_before_assignment()


def shadow():
    # Assigned later in the function, so local everywhere in it.
    try:
        print(g2)
    except UnboundLocalError as err:
        print("UnboundLocalError:", err)
    g2 = 3


g2 = 5
shadow()

# del in a loop and in class bodies.
class K:
    tmp = 1
    del tmp
    try:
        del tmp
    except NameError as err:
        print("class NameError:", err)


print(hasattr(K, "tmp"))
for i in range(2):
    pass
del i

# Deleting through __delitem__ and __delattr__.
class Logged:
    def __delitem__(self, k):
        print("delitem", k)

    def __delattr__(self, name):
        print("delattr", name)


lg = Logged()
del lg[1], lg[1:2], lg["k", 2]
del lg.anything

# Errors for objects that do not support deletion.
t = (1, 2)
try:
    del t[0]
except TypeError as err:
    print("TypeError:", err)
s = "abc"
try:
    del s[0]
except TypeError as err:
    print("TypeError:", err)
try:
    del (5).foo
except AttributeError as err:
    print("AttributeError:", err)


def final():
    name = 1
    del name
    return name


final()
