import nat


def f(x):
    return x


def loop_empty(n):
    i = 0
    while i < n:
        i += 1


def loop_py(n):
    i = 0
    while i < n:
        f(i)
        i += 1


def loop_native(n):
    i = 0
    while i < n:
        nat.ident(i)
        i += 1


def loop_roundtrip(n):
    i = 0
    while i < n:
        nat.call(f, i)
        i += 1


def loop_py_local(n):
    g = f
    i = 0
    while i < n:
        g(i)
        i += 1


def loop_native_local(n):
    g = nat.ident
    i = 0
    while i < n:
        g(i)
        i += 1


def loop_roundtrip_local(n):
    c = nat.call
    i = 0
    while i < n:
        c(f, i)
        i += 1
