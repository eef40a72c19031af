# global / nonlocal corners: nested functions, classes, class bodies reading globals.

x = "global x"


def nested_nonlocal():
    x = "outer"

    def middle():
        def inner():
            nonlocal x
            x = "set by inner"

        inner()
        return x

    r = middle()
    return r, x


print(nested_nonlocal())


def nonlocal_skips_class():
    v = "function v"

    class C:
        v = "class v"

        def method(self):
            nonlocal v
            v = "method set " + v
            return v

    r = C().method()
    return r, v, C.v


print(nonlocal_skips_class())


def nonlocal_in_class_body_method_closure():
    count = 0

    class Counter:
        def bump(self):
            nonlocal count
            count += 1
            return count

    c = Counter()
    c.bump()
    c.bump()
    return count


print(nonlocal_in_class_body_method_closure())


# Class bodies: names assigned in the body are class-local; others come from globals,
# even if an enclosing function has a local of that name (unless the body only reads it).
y = "global y"


def class_reads():
    y = "function y"

    class A:
        print("A sees", y)

    class B:
        y = "class y"
        print("B sees", y)

    class C:
        print("C sees", x)

    return A, B, C


class_reads()


def class_read_then_assign():
    z = "function z"

    class D:
        # z is assigned in the body, so the read looks in the class namespace, then globals.
        try:
            print("D reads", z)
        except NameError as e:
            print("D NameError:", e)
        z = "class z"

    return D.z


z = "global z"
print(class_read_then_assign())
del z
print(class_read_then_assign())


# global in a class body and in methods.
counter = 0


class G:
    global counter
    counter += 10

    def inc(self):
        global counter
        counter += 1


G().inc()
print(counter)


# global in a nested function writes the module, not the enclosing function.
def outer_global():
    w = "local w"

    def inner():
        global w
        w = "module w"

    inner()
    return w


print(outer_global(), w)


# A name that is global in one function and local in another.
def reader():
    return counter


def shadower():
    counter = "shadow"
    return counter


print(reader(), shadower(), counter)


# nonlocal binds the nearest enclosing function's variable.
def levels():
    a = 1

    def two():
        a = 2

        def three():
            nonlocal a
            a += 100
            return a

        return three(), a

    return two(), a


print(levels())


# Closures capture variables, not values.
def make_adders():
    fns = []
    for i in range(3):
        fns.append(lambda: i)
    return [f() for f in fns]


print(make_adders())


# Free variable deleted before the closure runs.
def deleted_free():
    v = 1

    def get():
        return v

    del v
    return get


try:
    deleted_free()()
except NameError as e:
    print(type(e).__name__ + ":", e)


# global name undefined at call time.
def use_undefined():
    global never_defined
    return never_defined


try:
    use_undefined()
except NameError as e:
    print(type(e).__name__ + ":", e)


# Comprehensions in class bodies see globals, not class names (except the first iterable).
class H:
    items = [1, 2]
    factor = 10
    doubled = [i * 2 for i in items]
    try:
        scaled = [i * factor for i in items]
    except NameError as e:
        print("H NameError:", e)


print(H.doubled)
