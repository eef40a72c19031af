# Native recursion over deeply nested containers raises RecursionError (never a crash),
# with CPython's message for each operation.


def nest_list(n):
    a = []
    for _ in range(n):
        a = [a]
    return a


def nest_tuple(n):
    t = ()
    for _ in range(n):
        t = (t,)
    return t


def nest_dict(n):
    d = {}
    for _ in range(n):
        d = {1: d}
    return d


def attempt(label, f):
    try:
        r = f()
    except RecursionError as e:
        print(label, "RecursionError:", e)
    else:
        print(label, "ok", r if isinstance(r, (bool, int)) else type(r).__name__)


N = 20000
a, b = nest_list(N), nest_list(N)
attempt("repr list", lambda: repr(a))
attempt("str list", lambda: str(a))
attempt("list ==", lambda: a == b)
attempt("list !=", lambda: a != b)
attempt("list <", lambda: a < b)
attempt("list in", lambda: a in [b])
attempt("list.count", lambda: [b].count(a))
t, u = nest_tuple(N), nest_tuple(N)
attempt("repr tuple", lambda: repr(t))
attempt("tuple ==", lambda: t == u)
attempt("tuple <=", lambda: t <= u)
attempt("sorted tuples", lambda: sorted([t, u]))
d, e = nest_dict(N), nest_dict(N)
attempt("repr dict", lambda: repr(d))
attempt("dict ==", lambda: d == e)
attempt("format list", lambda: "{}".format(a))
attempt("%s list", lambda: "%s" % (a,))
attempt("print list", lambda: print(a))
attempt("isinstance", lambda: isinstance(1, t))
attempt("issubclass", lambda: issubclass(int, t))
del a, b, u, d, e

# Moderate depth works as in CPython.
M = 200
a, b = nest_list(M), nest_list(M)
attempt("repr list 200", lambda: len(repr(a)))
attempt("list == 200", lambda: a == b)
t, u = nest_tuple(M), nest_tuple(M)
attempt("tuple < 200", lambda: t < u)
attempt("hash tuple 200", lambda: hash(t) == hash(u))
attempt("dict == 200", lambda: nest_dict(M) == nest_dict(M))
attempt("set of tuples 200", lambda: len({t, u}))
attempt("isinstance nested", lambda: isinstance(1, nest_tuple(M) + (int,)))

# An except clause takes one level of tuple: a nested one is a TypeError, not a recursion.
for clause in ((KeyError, ValueError), (KeyError, (ValueError,)), t):
    try:
        try:
            raise ValueError
        except clause:
            print("caught")
    except TypeError as exc:
        print("TypeError:", exc)
del t

# The VM works normally afterwards.
print(repr(nest_list(3)), nest_tuple(2) == ((),))
