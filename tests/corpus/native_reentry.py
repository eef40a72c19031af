# Native code calling back into Python, nested (sorted/min/max key functions, map/filter,
# list/tuple/sum/any/all/join over generators, dunder methods called by built-in operations):
# moderate depths work as in CPython, unbounded ones raise RecursionError (never a crash).


def attempt(label, f):
    try:
        r = f()
    except RecursionError:
        print(label, "RecursionError")
    else:
        print(label, "ok", r)


def key_rec(n):
    if n == 0:
        return 0
    out = []
    sorted([2, 1], key=lambda y: (out.append(key_rec(n - 1)) or y) if y == 1 else y)
    return out[0] + 1


def min_rec(n):
    return 0 if n == 0 else min([n], key=lambda y: min_rec(n - 1)) + 1


def max_rec(n):
    return 0 if n == 0 else max([n], key=lambda y: max_rec(n - 1)) + 1


def map_rec(n):
    return 0 if n == 0 else list(map(lambda y: map_rec(n - 1), [n]))[0] + 1


def filter_rec(n):
    return 0 if n == 0 else len(list(filter(lambda y: filter_rec(n - 1) >= 0, [n]))) + filter_rec(n - 1)


def gen_sum(n):
    yield sum(gen_sum(n - 1)) if n else 0
    yield 1


def gen_list(n):
    if n:
        yield list(gen_list(n - 1))
    else:
        yield 0


def gen_tuple(n):
    if n:
        yield tuple(gen_tuple(n - 1))


def gen_any(n):
    yield n == 0 or any(gen_any(n - 1))


def gen_all(n):
    yield n == 0 or all(gen_all(n - 1))


def gen_join(n):
    yield "x" if n == 0 else "".join(gen_join(n - 1)) + "x"


def depth_of(x):
    d = 0
    while isinstance(x, (list, tuple)) and x:
        x = x[0]
        d += 1
    return d


class Eq:
    def __init__(self, inner):
        self.inner = inner

    def __eq__(self, other):
        return self.inner == other.inner

    def __hash__(self):
        return hash(self.inner)


class Hash:
    def __init__(self, inner):
        self.inner = inner

    def __hash__(self):
        return hash(self.inner) + 1


class Repr:
    def __init__(self, inner):
        self.inner = inner

    def __repr__(self):
        return "R(" + repr(self.inner) + ")"


class Str:
    def __init__(self, inner):
        self.inner = inner

    def __str__(self):
        return "S" + str(self.inner)


class Fmt:
    def __init__(self, inner):
        self.inner = inner

    def __format__(self, spec):
        return "F" + format(self.inner, spec)


class Len:
    def __init__(self, inner):
        self.inner = inner

    def __len__(self):
        return len(self.inner) + 1


class Bool:
    def __init__(self, inner):
        self.inner = inner

    def __bool__(self):
        return bool(self.inner)


class Index:
    def __init__(self, inner):
        self.inner = inner

    def __index__(self):
        return [0, 1, 2, 3][self.inner] if isinstance(self.inner, int) else [0, 1, 2][self.inner] + 0


class Contains:
    def __init__(self, inner):
        self.inner = inner

    def __contains__(self, x):
        return x in self.inner


class Iter:
    def __init__(self, inner):
        self.inner = inner

    def __iter__(self):
        return iter(list(self.inner))


class Next:
    def __init__(self, inner):
        self.inner = inner
        self.done = False

    def __iter__(self):
        return self

    def __next__(self):
        if self.done:
            raise StopIteration
        self.done = True
        return next(iter(self.inner)) + 1 if not isinstance(self.inner, int) else self.inner


class GetItem:
    def __init__(self, inner):
        self.inner = inner

    def __getitem__(self, i):
        if i > 0:
            raise IndexError
        return list(self.inner)[0] + 1 if not isinstance(self.inner, int) else self.inner


class Lt:
    def __init__(self, inner):
        self.inner = inner

    def __lt__(self, other):
        return self.inner < other.inner


class Call:
    def __init__(self, inner):
        self.inner = inner

    def __call__(self):
        return self.inner() + 1


def wrap(cls, n, base):
    x = base
    for _ in range(n):
        x = cls(x)
    return x


def run(n, chains=True):
    print("-- depth", n)
    attempt("sorted key", lambda: key_rec(n))
    attempt("min key", lambda: min_rec(n))
    attempt("max key", lambda: max_rec(n))
    attempt("map", lambda: map_rec(n))
    attempt("filter", lambda: filter_rec(min(n, 12)))
    attempt("sum gen", lambda: sum(gen_sum(n)))
    attempt("list gen", lambda: depth_of(list(gen_list(n))))
    attempt("tuple gen", lambda: depth_of(tuple(gen_tuple(n))))
    attempt("any gen", lambda: any(gen_any(n)))
    attempt("all gen", lambda: all(gen_all(n)))
    attempt("join gen", lambda: len("".join(gen_join(n))))
    attempt("__eq__ dict", lambda: {wrap(Eq, n, 1): 2}[wrap(Eq, n, 1)])
    attempt("__eq__ set", lambda: wrap(Eq, n, 1) in {wrap(Eq, n, 1)})
    attempt("__eq__ list", lambda: [wrap(Eq, n, 1)].index(wrap(Eq, n, 1)))
    attempt("__hash__", lambda: hash(wrap(Hash, n, 0)))
    attempt("__repr__", lambda: len(repr(wrap(Repr, n, 0))))
    attempt("__repr__ list", lambda: len(repr([wrap(Repr, n, [0])])))
    attempt("__str__", lambda: len(str(wrap(Str, n, 0))))
    attempt("__str__ format", lambda: len("{}".format(wrap(Str, n, 0))))
    attempt("__format__", lambda: len(format(wrap(Fmt, n, 0), "d")))
    attempt("__len__", lambda: len(wrap(Len, n, [])))
    attempt("__bool__", lambda: bool(wrap(Bool, n, 1)))
    attempt("__bool__ if", lambda: 1 if wrap(Bool, n, 0) else 0)
    attempt("__contains__", lambda: 1 in wrap(Contains, n, [1]))
    attempt("__iter__", lambda: list(wrap(Iter, n, [5])))
    attempt("__next__", lambda: next(wrap(Next, n, 0)))
    attempt("__getitem__ iter", lambda: list(wrap(GetItem, n, 0)))
    attempt("__lt__ sort", lambda: sorted([wrap(Lt, n, 1), wrap(Lt, n, 0)])[0].inner is not None)
    attempt("__call__", lambda: wrap(Call, n, lambda: 0)())
    if not chains:
        # CPython's iterator chains recurse without a check: past its C stack it crashes.
        return
    attempt("zip chain", lambda: depth_of(list(wrap(zip, n, [1]))))
    attempt("map chain", lambda: list(wrap(lambda it: map(abs, it), n, [-1])))
    attempt("enumerate chain", lambda: depth_of(list(wrap(enumerate, n, [1]))[0]))
    attempt("reversed/iter chain", lambda: list(wrap(iter, n, reversed([1, 2]))))


run(19)
run(60)
run(5000, chains=False)
