"""Top-level snippet generators (see gen.py for the rules every snippet keeps).

Each `@snippet(weight)` function takes the generator state `g` and returns source lines at
module level. Snippets use fresh names (`g.fresh`) so they never depend on each other, only on
the prelude's variable pool, which they read but never rebind or mutate.
"""

from gen import snippet, lit, STRS


def ind(lines, n=1):
    return ["    " * n + ln if ln else ln for ln in lines]


# ---- expressions -------------------------------------------------------------------------------
@snippet(30)
def show_expr(g):
    return [g.show(g.any_expr(g.r.randint(1, 3)))]


@snippet(8)
def show_int(g):
    a, ab = g.int_expr(2)
    b, _ = g.int_expr(1)
    op = g.r.choice(["+", "-", "*", "//", "%", "&", "|", "^", "divmod", "<<", ">>", "**", "cmp"])
    if op == "divmod":
        e = "divmod(%s, %s)" % (a, b)
    elif op in ("<<", ">>"):
        e = "(%s %s %d)" % (a, op, g.r.randint(0, 80))
    elif op == "**":
        # Stay below CPython's 4300-digit int->str limit unless that is tested on purpose.
        top = 12 if g.ok("int_digit_limit") else max(1, min(12, 12000 // max(ab, 1)))
        e = "(%s ** %d)" % (a, g.r.randint(-2 if g.ok("float_pow_ulp") else 0, top))
    elif op == "cmp":
        e = "(%s < %s, %s == %s, %s > %s)" % (a, b, a, b, a, b)
    else:
        e = "(%s %s %s)" % (a, op, b)
    return [g.show(e)]


@snippet(8)
def show_float(g):
    a = g.float_expr(2)
    k = g.r.random()
    if k < 0.3:
        return [g.show(a)]
    if k < 0.5:
        return [g.show("(%s, str(%s), int(%s))" % (a, a, a))]
    if k < 0.65:
        return [g.show("(%s).is_integer()" % a)]
    if k < 0.8:
        return [g.show("round(%s%s)" % (a, g.r.choice(["", ", 0", ", 1", ", 2", ", -1", ", 5"])))]
    return [g.show("(%s %s %s)" % (a, g.r.choice(["<", "==", ">=", "!="]), g.float_expr(1)))]


@snippet(10)
def show_format(g):
    return [g.show(g.format_expr(2))]


@snippet(8)
def show_str(g):
    s = g.str_expr(1)
    k = g.r.random()
    if k < 0.5:
        return [g.show(g.str_method(s, 1))]
    m = g.r.choice([
        "split()", "split(%r)" % g.r.choice(SEPS_NONEMPTY), "split(%r, %d)" % (
            g.r.choice(SEPS_NONEMPTY), g.small(-1, 3)),
        "rsplit(None, %d)" % g.small(-1, 2), "rsplit(%r, 1)" % g.r.choice(SEPS_NONEMPTY),
        "splitlines()", "splitlines(True)", "partition(%r)" % g.r.choice(SEPS_NONEMPTY),
        "rpartition(%r)" % g.r.choice(SEPS_NONEMPTY),
        "find(%r)" % g.r.choice(["a", "b", "", "o", "ab"]),
        "rfind(%r, %d)" % (g.r.choice(["a", "o", ""]), g.small(-3, 4)),
        "index(%r)" % g.r.choice(["a", "l", "z"]), "rindex(%r)" % g.r.choice(["a", "l", "z"]),
        "count(%r)" % g.r.choice(["a", "", "ab", " "]),
        "count(%r, %d, %d)" % (g.r.choice(["a", ""]), g.small(-4, 3), g.small(-2, 9)),
        "startswith(%s)" % g.r.choice(["'a'", "''", "'He'", "('a', 't')"]),
        "endswith(%r, %d)" % (g.r.choice(["c", "", "ld"]), g.small(-3, 3)),
        "encode()", "encode('utf-8')",
    ])
    return [g.show("%s.%s" % (s, m))]


SEPS_NONEMPTY = [",", " ", "a", "ab", ", ", "\n", "-", "o"]


@snippet(5)
def show_slicing(g):
    seq = g.pick((2, lambda: g.str_expr(1)), (2, lambda: g.list_expr(1)),
                 (1, lambda: g.tuple_expr(1)), (1, lambda: "range(%d, %d, %d)" % (
                     g.small(-5, 5), g.small(-10, 20), g.r.choice([1, 2, -1, 3, -3]))))
    out = []
    for _ in range(g.r.randint(1, 3)):
        if g.r.random() < 0.3:
            out.append(g.show("%s[%d]" % (seq, g.small(-8, 8))))
        else:
            out.append(g.show("%s[%s]" % (seq, g.slice_text())))
    return out


# ---- containers --------------------------------------------------------------------------------
@snippet(7)
def list_mutation(g):
    x = g.fresh("lst")
    lines = ["%s = list(%s)" % (x, g.list_expr(1))]
    for _ in range(g.r.randint(2, 7)):
        v = g.int_expr(1)[0] if g.ok("long_exc_message") else str(g.small(-9, 20))
        i = g.small(-6, 8)
        op = g.r.choice([
            "%s.append(%s)" % (x, v), "%s.extend(%s)" % (x, g.list_expr(1)),
            "%s.insert(%d, %s)" % (x, i, v), "print(%s.pop())" % x, "print(%s.pop(%d))" % (x, i),
            "%s.remove(%s)" % (x, v), "print(%s.index(%s))" % (x, v), "print(%s.count(%s))" % (x, v),
            "%s.reverse()" % x, "%s.sort()" % x, "%s.sort(reverse=True)" % x,
            "%s.sort(key=lambda q: (q %% 4, -q))" % x, "del %s[%d]" % (x, i),
            "del %s[%s]" % (x, g.slice_text()), "%s[%s] = %s" % (x, g.slice_text(), g.list_expr(1)),
            "%s[%d] = %s" % (x, i, v), "%s += %s" % (x, g.list_expr(1)), "%s *= %d" % (x, g.small(0, 2)),
            "%s.clear()" % x, "%s = %s.copy() + [%s]" % (x, x, v),
            "print(%s == sorted(%s), %s < %s)" % (x, x, x, g.list_expr(1)),
            "print(min(%s), max(%s), sum(%s))" % (x, x, x),
            "%s[%d:%d] = %s" % (x, i, i + g.small(0, 3), g.pick(
                (1 if g.ok("sort_failure_state") else 0, lambda: g.tuple_expr(1)),  # may hold strs
                (1, lambda: "range(%d)" % g.small(0, 4)))),
        ])
        lines += g.guarded([op]) if g.r.random() < 0.8 else [op]
        lines.append("print(%s)" % x)
    return lines


@snippet(6)
def dict_ops(g):
    d = g.fresh("dct")
    lines = ["%s = dict(%s)" % (d, g.dict_expr(1))]
    keys = ["'a'", "'b'", "'z'", "'key'", "''", "1", "2.0", "(1, 2)", "True"]
    for _ in range(g.r.randint(2, 7)):
        k = g.r.choice(keys)
        v = g.int_expr(1)[0]
        op = g.r.choice([
            "%s[%s] = %s" % (d, k, v), "print(%s[%s])" % (d, k), "del %s[%s]" % (d, k),
            "print(%s.get(%s), %s.get(%s, -1))" % (d, k, d, k), "print(%s.pop(%s))" % (d, k),
            "print(%s.pop(%s, None))" % (d, k), "print(%s.setdefault(%s, %s))" % (d, k, v),
            "print(%s.popitem())" % d, "%s.update(%s)" % (d, g.dict_expr(1)),
            "%s.update(%s=%s)" % (d, g.r.choice(["a", "q"]), v),
            "print(list(%s.keys()), list(%s.values()))" % (d, d), "print(list(%s.items()))" % d,
            "print(%s in %s, len(%s))" % (k, d, d), "print(sorted(%s.items(), key=lambda kv: str(kv)))" % d,
            "%s = %s | %s" % (d, d, g.dict_expr(1)), "%s |= %s" % (d, g.dict_expr(1)),
            "print(%s == %s)" % (d, g.dict_expr(1)), "print(list(reversed(%s)))" % d,
            "for kk in list(%s):\n    %s[kk] = str(%s[kk]) * 2" % (d, d, d),
            "print({vv: kk for kk, vv in %s.items()})" % d, "%s.clear()" % d,
        ])
        lines += g.guarded(op.split("\n"))
        lines.append("print(%s)" % d)
    return lines


@snippet(5)
def set_ops(g):
    s = g.fresh("st")
    lines = ["%s = set(%s)" % (s, g.set_expr(1))]
    for _ in range(g.r.randint(2, 6)):
        v = g.small(-3, 40)
        other = g.set_expr(1)
        op = g.r.choice([
            "%s.add(%d)" % (s, v), "%s.discard(%d)" % (s, v), "%s.remove(%d)" % (s, v),
            "print(%s.pop() in range(-10, 100))" % s, "%s |= %s" % (s, other), "%s &= %s" % (s, other),
            "%s -= %s" % (s, other), "%s ^= %s" % (s, other),
            "print(%s.issubset(%s), %s <= %s, %s < %s)" % (s, other, s, other, s, other),
            "print(%s.isdisjoint(%s), %s.issuperset(%s))" % (s, other, s, other),
            "print(sorted(%s.union(%s, [%d])))" % (s, other, v),
            "print(sorted(%s.intersection(%s)), sorted(%s.difference(%s)))" % (s, other, s, other),
            "print(sorted(%s.symmetric_difference(%s)))" % (s, other),
            "%s.update(%s, range(%d))" % (s, other, g.small(0, 5)), "%s = %s.copy()" % (s, s),
            "print(%d in %s, len(%s), frozenset(%s) == %s)" % (v, s, s, s, s),
        ])
        lines += g.guarded([op])
        lines.append("print(sorted(%s))" % s if g.r.random() < 0.5 else "print(%s)" % s)
    return lines


@snippet(4)
def unpacking(g):
    a, b, c = g.fresh("u"), g.fresh("u"), g.fresh("u")
    src = g.pick((2, lambda: g.list_expr(1)), (1, lambda: g.tuple_expr(1)), (1, lambda: g.str_expr(0)),
                 (1, lambda: "range(%d)" % g.small(0, 5)))
    flat = ["%s, %s" % (a, b), "%s, *%s" % (a, b), "*%s, %s" % (a, b), "%s, *%s, %s" % (a, b, c),
            "%s, %s, %s" % (a, b, c)]
    nested = ["[%s, %s], %s" % (a, b, c), "(%s, *%s), %s" % (a, b, c), "%s, (%s, *%s)" % (a, b, c)]
    if g.r.random() < 0.6:
        target = g.r.choice(flat)
    else:
        target = g.r.choice(nested)
        src = "(%s, %s)" % (src, g.pick((1, lambda: g.list_expr(1)), (1, lambda: g.str_expr(0))))
    names = [n for n in (a, b, c) if n in target]
    lines = g.guarded(["%s = %s" % (target, src), "print(%s)" % ", ".join(names)])
    lines += ["%s, %s = %d, %d" % (a, b, g.small(), g.small()), "%s, %s = %s, %s" % (a, b, b, a),
              "print(%s, %s)" % (a, b)]
    return lines


@snippet(5)
def comprehensions(g):
    x, y = g.fresh("c"), g.fresh("c")
    k = g.r.random()
    if k < 0.3:
        e = "[(%s, %s) for %s in %s for %s in %s if %s %s %s]" % (
            x, y, x, g.list_expr(0), y, "range(%d)" % g.small(0, 4), x, g.r.choice(["<", ">", "!="]), y)
    elif k < 0.5:
        e = "{%s: %s for %s in %s}" % (
            g.r.choice(["str(%s)" % x, x, "%s %% 3" % x]), g.r.choice(["%s * 2" % x, "[%s]" % x]), x,
            g.list_expr(1))
    elif k < 0.65:
        e = "sorted({%s %% 5 for %s in %s})" % (x, x, g.list_expr(1))
    elif k < 0.8:
        e = "%s(%s for %s in %s if %s)" % (g.r.choice(["sum", "any", "all", "max", "min", "list", "tuple", "sorted"]),
                                           g.r.choice([x, "%s * %s" % (x, x), "%s > 2" % x]), x, g.list_expr(1),
                                           g.r.choice(["True", "%s %% 2 == 0" % x, "%s" % x]))
    else:
        e = "[[%s * %s for %s in range(%d)] for %s in range(%d)]" % (x, y, y, g.small(0, 4), x, g.small(0, 4))
    return [g.show(e)]


@snippet(4)
def sorting(g):
    items = g.pick(
        (2, lambda: repr([g.r.choice(STRS[:14]) for _ in range(g.r.randint(0, 6))])),
        (2, lambda: g.list_expr(1)),
        (1, lambda: repr([(g.small(0, 3), g.r.choice("abc")) for _ in range(g.r.randint(0, 5))])),
        # Mixed types: which pair fails first depends on the sort algorithm's comparison order.
        (1 if g.ok("sort_failure_state") else 0,
         lambda: repr([g.r.choice([1, 2.5, -1, "x", None]) for _ in range(g.r.randint(0, 4))])),
        (1, lambda: repr([round(g.r.uniform(-5, 5), 1) for _ in range(g.r.randint(0, 5))])))
    key = g.r.choice(["", ", key=len", ", key=str", ", key=lambda t: t[0]" if "(" in items else ", key=repr",
                      ", key=lambda t: -t if isinstance(t, int) else 0", ", reverse=True",
                      ", key=str, reverse=True", ", key=lambda t: str(t)[::-1]"])
    return [g.show("sorted(%s%s)" % (items, key)),
            g.show("(min(%s%s), max(%s%s))" % (items, key.replace(", reverse=True", ""), items,
                                              key.replace(", reverse=True", "")))]


# ---- control flow ------------------------------------------------------------------------------
@snippet(6)
def loops(g):
    i, acc = g.fresh("i"), g.fresh("acc")
    n = g.small(0, 8)
    cond1 = g.r.choice(["%s %% 3 == 0" % i, "%s > %d" % (i, g.small(0, 8)), "%s == 2" % i])
    body = ["if %s:" % cond1, "    %s" % g.r.choice(["continue", "break", "%s.append(-%s)" % (acc, i)]),
            "%s.append(%s)" % (acc, g.r.choice([i, "%s * %s" % (i, i), "str(%s)" % i]))]
    k = g.r.random()
    lines = ["%s = []" % acc]
    if k < 0.4:
        lines += ["for %s in range(%d%s):" % (i, n, g.r.choice(["", ", -1, -1" if False else ""]))] + ind(body)
        lines += ["else:", "    %s.append('else')" % acc]
    elif k < 0.7:
        lines += ["%s = 0" % i, "while %s < %d:" % (i, n), "    %s += 1" % i] + ind(body)
        lines += ["else:", "    %s.append('done')" % acc]
    else:
        j = g.fresh("j")
        lines += ["for %s in range(%d):" % (i, g.small(1, 4)),
                  "    for %s in %s:" % (j, g.pick((1, lambda: g.list_expr(1)), (1, lambda: g.str_expr(0)))),
                  "        if %s:" % g.r.choice(["%s == %s" % (i, j), "len(%s) > 5" % acc, "%s" % j]),
                  "            %s" % g.r.choice(["break", "continue"]),
                  "        %s.append((%s, %s))" % (acc, i, j),
                  "    else:",
                  "        %s.append('inner-else')" % acc]
    lines.append("print(%s)" % acc)
    return lines


@snippet(6)
def functions(g):
    f = g.fresh("f")
    k = g.r.random()
    if k < 0.35:
        da, db = g.int_expr(0)[0], g.str_lit()
        lines = ["def %s(a, b=%s, *args, c=%s, **kw):" % (f, da, db),
                 "    return (a, b, args, c, sorted(kw.items()))"]
        calls = ["%s(1)" % f, "%s(1, 2, 3, 4)" % f, "%s(a=5)" % f, "%s(1, c=9, z=3)" % f, "%s()" % f,
                 "%s(1, 2, b=3)" % f, "%s(*%s, **%s)" % (f, g.list_expr(0), g.dict_expr(0)),
                 "%s(1, **{'c': 2, 'd': 4})" % f, "%s(1, 2, 3, c=4, d=5, e=6)" % f]
        for c in g.r.sample(calls, g.r.randint(2, 5)):
            lines.append(g.show(c))
        return lines
    if k < 0.55:
        lines = ["def %s(n):" % f, "    total = 0", "    def add(v):", "        nonlocal total",
                 "        total += v", "        return total",
                 "    return [add(i * n) for i in range(%d)]" % g.small(0, 5)]
        lines.append(g.show("%s(%s)" % (f, g.int_expr(1)[0])))
        return lines
    if k < 0.7:
        lines = ["def %s():" % f, "    count = [0]", "    def inc(step=1):", "        count[0] += step",
                 "        return count[0]", "    return inc",
                 "%s_c = %s()" % (f, f),
                 "print(%s_c(), %s_c(%d), %s_c())" % (f, f, g.small(), f)]
        return lines
    if k < 0.85:
        lines = ["%s = [lambda x, i=i: x * i for i in range(%d)]" % (f, g.small(0, 4)),
                 "print([h(%d) for h in %s])" % (g.small(), f),
                 "%s_late = [lambda: i for i in range(3)]" % f,
                 "print([h() for h in %s_late])" % f]
        return lines
    # positional-only / keyword-only and bad calls
    lines = ["def %s(a, /, b, *, c=3):" % f, "    return a - b * c"]
    for c in g.r.sample(["%s(1, 2)" % f, "%s(1, b=2)" % f, "%s(a=1, b=2)" % f, "%s(1, 2, 3)" % f,
                         "%s(1, 2, c=5)" % f, "%s(1, 2, d=1)" % f, "%s(1)" % f], 3):
        lines.append(g.show(c))
    return lines


@snippet(2)
def globals_and_lambdas(g):
    v = g.fresh("gv")
    f = g.fresh("setg")
    return ["%s = %s" % (v, g.int_expr(0)[0]), "def %s(x):" % f, "    global %s" % v,
            "    %s = %s + x" % (v, v), "    return %s" % v,
            "print(%s(%d), %s(%d), %s)" % (f, g.small(), f, g.small(), v),
            g.show("(lambda *a, **k: (a, k))(%s, x=%s)" % (g.int_expr(0)[0], g.str_lit())),
            g.show("list(filter(lambda q: q %% 2, %s))" % g.list_expr(1))]


# ---- classes -------------------------------------------------------------------------------------
@snippet(6)
def classes(g):
    a, b = g.fresh("A"), g.fresh("B")
    lines = ["class %s:" % a, "    kind = %s" % g.str_lit(), "    count = 0",
             "    def __init__(self, v):", "        self.v = v", "        %s.count += 1" % a,
             "    def get(self):", "        return self.v",
             "    def __repr__(self):", "        return '%s(%%r)' %% (self.v,)" % a]
    extras = g.r.sample([
        ["    def __eq__(self, o):", "        return isinstance(o, %s) and self.v == o.v" % a,
         "    def __hash__(self):", "        return hash(self.v)"],
        ["    def __lt__(self, o):", "        return self.v < o.v"],
        ["    def __add__(self, o):", "        return %s(self.v + (o.v if isinstance(o, %s) else o))" % (a, a),
         "    def __radd__(self, o):", "        return %s(o + self.v)" % a],
        ["    def __len__(self):", "        return abs(self.v) % 7"],
        ["    def __bool__(self):", "        return self.v > 0"],
        ["    def __getitem__(self, i):", "        if i >= 3:", "            raise IndexError(i)",
         "        return self.v * i"],
        ["    def __contains__(self, x):", "        return x == self.v"],
        ["    def __call__(self, *a):", "        return (self.v,) + a"],
        ["    def __str__(self):", "        return 'str-' + str(self.v)"],
        ["    @property", "    def double(self):", "        return self.v * 2",
         "    @double.setter", "    def double(self, x):", "        self.v = x // 2"],
        ["    @staticmethod", "    def st(x):", "        return x + 1",
         "    @classmethod", "    def make(cls, x):", "        return cls(x)"],
        ["    def __iter__(self):", "        return iter(range(min(abs(self.v), 4)))"],
    ], g.r.randint(1, 4))
    for e in extras:
        lines += e
    lines += ["class %s(%s):" % (b, a), "    kind = 'sub'",
              "    def __init__(self, v, w=%s):" % g.int_expr(0)[0],
              "        super().__init__(v)", "        self.w = w",
              "    def get(self):", "        return (super().get(), self.w)"]
    x, y = g.fresh("o"), g.fresh("o")
    lines += ["%s = %s(%s)" % (x, a, g.int_expr(0)[0]), "%s = %s(%s)" % (y, b, g.int_expr(0)[0])]
    uses = ["print(%s, %s, %s.get(), %s.get())" % (x, y, x, y),
            "print(%s.kind, %s.kind, %s.count, type(%s).__name__)" % (x, y, a, y),
            "print(isinstance(%s, %s), isinstance(%s, %s), issubclass(%s, %s))" % (y, a, x, b, b, a),
            g.show("%s == %s" % (x, y)), g.show("%s < %s" % (x, y)), g.show("%s + %s" % (x, y)),
            g.show("%s + %s" % (g.small(), x)), g.show("len(%s)" % y), g.show("bool(%s)" % x),
            g.show("%s[%d]" % (x, g.small())), g.show("%d in %s" % (g.small(), x)), g.show("%s(1, 2)" % y),
            g.show("str(%s)" % y), g.show("%s.double" % x), g.show("%s.st(4), %s.make(2)" % (b, b)),
            g.show("list(%s)" % y), g.show("%s.missing" % x), g.show("sorted([%s, %s])" % (y, x)),
            g.show("len({%s, %s, %s(%s.v)})" % (x, y, a, x)),
            "%s.extra = 5\nprint(%s.extra, hasattr(%s, 'extra'), getattr(%s, 'nope', 'dflt'))" % (x, x, y, y),
            g.show("%s.__class__.__name__, %s.__dict__" % (x, y)),
            "%s.kind = 'changed'\nprint(%s.kind, %s.kind)" % (a, x, y)]
    for u in g.r.sample(uses, g.r.randint(2, 6)):
        lines += u.split("\n")
    if g.r.random() < 0.3:
        lines += g.guarded(["%s.double = 9" % x, "print(%s.v)" % x])
    return lines


# ---- exceptions ----------------------------------------------------------------------------------
BUILTIN_EXC = ["ValueError", "TypeError", "KeyError", "IndexError", "RuntimeError", "ZeroDivisionError",
               "AttributeError", "LookupError", "ArithmeticError", "Exception", "StopIteration"]


@snippet(7)
def exceptions(g):
    base, sub = g.fresh("Err"), g.fresh("SubErr")
    f = g.fresh("risky")
    log = g.fresh("log")
    lines = ["class %s(%s):" % (base, g.r.choice(["Exception", "ValueError", "LookupError"])), "    pass",
             "class %s(%s):" % (sub, base),
             "    def __init__(self, code):",
             "        super().__init__('code %d' % code)" if g.r.random() < 0.5 else "        super().__init__(code, 'x')",
             "        self.code = code",
             "%s = []" % log,
             "def %s(n):" % f,
             "    %s.append(('enter', n))" % log,
             "    try:",
             "        if n == 0:",
             "            raise %s(n)" % sub,
             "        if n == 1:",
             "            raise %s('one')" % base,
             "        if n == 2:",
             "            return {}['missing']",
             "        if n == 3:",
             "            return 1 // 0",
             "        if n == 4:",
             "            raise %s('four') from KeyError('k')" % g.r.choice(BUILTIN_EXC[:4]),
             "        if n == 5:",
             "            [][n]",
             "        %s.append('body-ok')" % log,
             "    except %s as e:" % g.r.choice([sub, "(%s, KeyError)" % sub, "ZeroDivisionError"]),
             "        %s.append(('caught', type(e).__name__, str(e)))" % log,
             "        %s" % g.r.choice(["return 'handled'", "raise", "raise RuntimeError('wrapped') from e",
                                       "pass"]),
             "    else:",
             "        %s.append('else')" % log,
             "    finally:",
             "        %s.append('finally')" % log]
    if g.r.random() < 0.3:
        lines.append("        %s" % g.r.choice(["return 'from-finally'", "pass"]))
    lines.append("    return 'end'")
    for n in g.r.sample(range(7), g.r.randint(2, 5)):
        handler = g.r.choice([base, "Exception", "(%s, LookupError)" % base, "ArithmeticError"])
        lines += ["try:", "    print(%s(%d))" % (f, n),
                  "except %s as e:" % handler,
                  "    print('outer', type(e).__name__, e, e.args, repr(e))",
                  "    print('cause', repr(e.__cause__), 'context', type(e.__context__).__name__)",
                  "except Exception as e:", "    print('other', type(e).__name__, e)"]
    lines.append("print(%s)" % log)
    return lines


@snippet(4)
def exc_builtin_messages(g):
    e = g.r.choice([
        "int('x')", "float('y')", "[1, 2].index(5)", "(1,).index(2)", "'abc'.index('z')", "{}.popitem()",
        "set().pop()", "[].pop()", "{'a': 1}['b']", "{(1, 2): 1}[(3,)]", "'a' + 1", "1 + 'a'", "[] + ()",
        "len(5)", "abs('x')", "'x' * 'y'", "[1][5]", "'abc'[10]", "(1, 2)[-3]", "1 / 0", "1 % 0",
        "divmod(1, 0)", "1.0 / 0", "2 ** -1 // 0", "0 ** -1", "0.0 ** -1", "math.sqrt(-1)", "math.log(0)",
        "int(float('inf'))", "int(float('nan'))", "float(10 ** 400)", "10 ** 400 / 1.0", "2.0 ** 10000",
        "'abc'.foo", "(5).foo", "None.x", "sorted([1, 'a'])", "min([])", "max([], default=7)", "iter(5)",
        "next(iter([]))", "hash([])", "{[1]: 2}", "{{1}}", "chr(-1)", "ord('ab')", "ord('')",
        "'%d' % 'x'", "'%s %s' % (1,)", "'%s' % (1, 2)", "'{0} {1}'.format(1)", "'{x}'.format(y=1)",
        "format(1.5, 'd')", "format('s', 'd')", "format(3, '.2s')", "int('12', 1)", "int('12', 40)",
        "int(3.5, 10)", "[1, 2, 3][1:2:0]", "'abc'[::0]", "list(range(0, 5, 0))", "(1, 2) < (1, 'a')",
        "[1] < ['a']", "1 < 'a'", "None < None", "'a' in 5", "5 in 'abc'", "tuple(5)", "dict([1, 2])",
        "dict([(1, 2, 3)])", "bool.x", "object().x", "x_undefined_name", "(lambda: undefined_q)()",
        "[].remove(1)", "'a'.join([1])", "sum(['a'])", "sum([[1]], [])", "round('x')", "round(1.5, 'a')",
        "isinstance(1, 5)", "getattr(1, 5)", "setattr(1, 'x', 2)", "{}.fromkeys(5)", "'abc'.split('')",
        "'a'.center(5, 'xy')", "'%c' % 1234567", "'%c' % 'ab'", "float(' 1e5 ')",
        "int('١٢')" if g.ok("int_unicode_digits") else "int('12')",
        "pow(2, -1, 4)", "pow(3, -1, 7)", "pow(2, 3, 0)", "1 << -1", "1 >> -1", "~1.5", "-'a'",
        "[1, 2] * 2.0", "'ab' * -1", "[].append(1, 2)", "[].insert(1)", "[].pop(1, 2)",
        "(1,).count(1, 2)", "{}.get()", "'a'.replace('a')",
    ] + (["list.append()", "str.upper(5)"] if g.ok("unbound_builtin_method") else [])
      + (["repr(1, 2)", "abs()", "hash(1, 2)", "ord('a', 'b')", "round(1, 2, 3)", "divmod(1)", "sum()",
          "'a'.upper(1)", "{}.keys(1)", "print(1, sepx=2)", "sorted([], keyx=1)", "object(1)",
          "list(1, 2)", "getattr(1)"] if g.ok("builtin_arity") else []))
    return [g.show(e)]


@snippet(3)
def exc_flow(g):
    out = g.fresh("out")
    k = g.r.random()
    lines = ["%s = []" % out]
    if k < 0.5:
        lines += ["for i in range(%d):" % g.small(1, 5),
                  "    try:",
                  "        if i == %d:" % g.small(0, 3),
                  "            %s" % g.r.choice(["continue", "break", "raise ValueError(i)"]),
                  "        %s.append(i)" % out,
                  "    except ValueError as e:",
                  "        %s.append(('ve', e.args))" % out,
                  "    finally:",
                  "        %s.append('f%%d' %% i)" % out]
    else:
        lines += ["def gen_err(n):",
                  "    try:",
                  "        try:",
                  "            raise KeyError(n)",
                  "        finally:",
                  "            %s.append('inner-finally')" % out,
                  "    except KeyError as e:",
                  "        %s.append(('ke', str(e)))" % out,
                  "        try:",
                  "            raise TypeError('during')",
                  "        except TypeError as e2:",
                  "            %s.append(type(e2.__context__).__name__)" % out,
                  "    return n",
                  "%s.append(gen_err(%s))" % (out, g.str_lit())]
    lines.append("print(%s)" % out)
    return lines


# ---- generators ----------------------------------------------------------------------------------
@snippet(5)
def generators(g):
    f = g.fresh("gen")
    k = g.r.random()
    if k < 0.4:
        lines = ["def %s(n):" % f, "    for i in range(n):", "        if i %% %d == 0:" % g.small(1, 3),
                 "            continue", "        yield i * %d" % g.small(), "    return 'ret'"]
        it = g.fresh("it")
        lines += ["%s = %s(%d)" % (it, f, g.small(0, 6)),
                  "print(next(%s, 'none'), list(%s), next(%s, 'end'))" % (it, it, it),
                  g.show("sum(%s(%d))" % (f, g.small(0, 8))),
                  "try:", "    g2 = %s(0)" % f, "    next(g2)", "except StopIteration as e:",
                  "    print('stop', e.value, e.args)"]
        return lines
    if k < 0.7:
        lines = ["def %s():" % f, "    total = 0", "    while True:", "        x = yield total",
                 "        if x is None:", "            break", "        total += x",
                 "    yield 'final'"]
        it = g.fresh("it")
        lines += ["%s = %s()" % (it, f), "print(next(%s))" % it]
        for _ in range(g.r.randint(1, 3)):
            lines += g.guarded(["print(%s.send(%s))" % (it, g.int_expr(1)[0])])
        lines += g.guarded(["print(%s.send(None))" % it, "print(next(%s))" % it])
        return lines
    if k < 0.85:
        lines = ["def %s():" % f, "    try:", "        yield 1", "        yield 2",
                 "    finally:", "        print('cleanup')"]
        it = g.fresh("it")
        lines += ["%s = %s()" % (it, f), "print(next(%s))" % it, "%s.close()" % it,
                  "print(list(%s))" % it]
        if g.r.random() < 0.5:
            lines += ["%s = %s()" % (it, f), "next(%s)" % it] + g.guarded(
                ["%s.throw(ValueError('thrown'))" % it])
        return lines
    x = g.fresh("gx")
    return ["%s = (v * 2 for v in %s if v)" % (x, g.list_expr(1)),
            "print(list(zip(%s, 'abcdef')), list(%s))" % (x, x),
            g.show("list(enumerate(%s, %d))" % (g.str_expr(0), g.small())),
            g.show("list(zip(%s, %s))" % (g.list_expr(1), g.tuple_expr(1)))]


# ---- builtins ------------------------------------------------------------------------------------
@snippet(4)
def builtins_misc(g):
    e = g.r.choice([
        "abs(%s)" % g.num_expr(1), "divmod(%s, %s)" % (g.num_expr(1), g.num_expr(1)),
        "pow(%s, %d)" % (g.num_expr(1), g.small(-2, 5) if g.ok("float_pow_ulp") else g.small(0, 1)),
        "round(%s)" % g.num_expr(1),
        "sum(%s, %s)" % (g.list_expr(1), g.num_expr(0)), "any(%s), all(%s)" % (g.list_expr(1), g.list_expr(1)),
        "list(reversed(%s))" % g.str_expr(1), "list(range(%d, %d, %d))" % (g.small(), g.small(-10, 12), g.r.choice([1, -1, 2, -3])),
        "range(%d, %d)[%s]" % (g.small(), g.small(0, 20), g.slice_text()),
        "(%s)" % "len(range(%d, %d, %d))" % (g.small(-20, 20), g.small(-20, 20), g.r.choice([1, -1, 2, -3, 7])),
        "%d in range(%d, %d, %d)" % (g.small(), g.small(), g.small(0, 20), g.r.choice([1, 2, 3])),
        "type(%s).__name__" % g.any_expr(1), "isinstance(%s, (int, str))" % g.any_expr(1),
        "ord(%s)" % g.r.choice(["'a'", "'é'", "'😀'", "'\\n'"]), "str(%s)" % g.float_expr(1),
        "bool(%s), int(%s)" % (g.any_expr(1), g.r.choice(["True", "False", "-0.0", "2.99", "-2.99"])),
        "min(%s, key=len)" % g.list_of_strs(), "max(%s, default=None)" % g.list_expr(1),
        "sorted(%s.items())" % g.dict_expr(1), "repr(%s)" % g.str_expr(1), "ascii(%s)" % g.str_expr(1),
        "hex(%s), oct(%s), bin(%s)" % (g.int_expr(1)[0], g.int_expr(1)[0], g.int_expr(1)[0]),
        "hash(%s) == hash(%s)" % (g.int_expr(1)[0], g.float_expr(0)),
        "%s == %s" % (g.float_expr(0), g.int_expr(0)[0]),
        "int.from_bytes(%r, %r, signed=%s)" % (bytes(g.r.randint(0, 255) for _ in range(g.r.randint(0, 9))),
                                               g.r.choice(["big", "little"]), g.r.choice(["True", "False"])),
        "(%s).to_bytes(%d, %r, signed=%s)" % (g.int_expr(1)[0], g.small(0, 9), g.r.choice(["big", "little"]),
                                              g.r.choice(["True", "False"])),
        "list(zip(*%s))" % repr([[g.small() for _ in range(2)] for _ in range(g.r.randint(0, 3))]),
        "getattr(%s, %r, 0) == 0" % (g.str_expr(0), g.r.choice(
            ["upper", "nope"] + (["__len__"] if g.ok("dunder_on_builtin") else []))),
    ])
    return [g.show(e)]


# ---- program end ---------------------------------------------------------------------------------
def uncaught_end(g):
    """An uncaught exception escaping two function frames (compares tracebacks and exit status)."""
    exc = g.r.choice(["ValueError('bad %d' % n)", "KeyError(n)", "RuntimeError()", "AssertionError",
                      "TypeError('t', n)", "ZeroDivisionError", "IndexError('idx')"])
    lines = ["def inner_fail(n):", "    if n > 1:", "        raise %s" % exc, "    return n",
             "def outer_fail(n):", "    return inner_fail(n + 1)"]
    k = g.r.random()
    if k < 0.4:
        lines += ["print(outer_fail(%d))" % g.small(0, 3)]
    elif k < 0.7:
        lines += ["try:", "    outer_fail(5)", "except Exception as e:",
                  "    raise RuntimeError('again') from %s" % g.r.choice(["e", "None"])]
    else:
        lines += ["try:", "    outer_fail(5)", "finally:", "    print('finally runs')"]
    return lines


_ = lit


# ---- views, reprs, augmented assignment ------------------------------------------------------------
@snippet(4)
def views_and_reprs(g):
    d = g.dict_expr(1)
    e = g.r.choice([
        "%s.keys()" % d, "%s.values()" % d, "%s.items()" % d, "range(%d, %d, %d)" % (g.small(), g.small(), g.r.choice([1, 2, -1])),
        "%s.keys() & {'a', 'b'} == {'a'}" % d, "sorted(map(repr, %s.keys() | {'q'}))" % d, "sorted(map(repr, %s.keys() - {'a'}))" % d,
        "list(%s.items())[::-1]" % d, "[%s, %s, (%s,), {%r: [%s]}]" % (g.float_lit(), g.str_lit(), g.int_lit()[0],
                                                                       "k", g.float_lit()),
        "(%s, %s) == (%s, %s)" % (g.float_lit(), g.int_lit()[0], g.float_lit(), g.int_lit()[0]),
        "[True + True, True * 3.5, -False, True / 2, ~True, True << 3]",
        "(None, ..., NotImplemented, type(None).__name__)" if g.r.random() < 0.5 else "[[], [[]], ((),), {}]",
        "len(%s) == len(list(%s)), bool(%s)" % (d, d, d),
        "[x for x in %s if x in %s]" % (g.str_expr(0), repr("aeiou ")),
        "%s is %s, %s == %s" % (g.list_expr(0), g.list_expr(0), g.tuple_expr(0), g.tuple_expr(0)),
    ])
    return [g.show(e)]


@snippet(4)
def augassign(g):
    x = g.fresh("ag")
    start, ops = g.r.choice([
        (g.int_lit()[0], ["+= %s" % g.int_lit()[0], "-= 3", "*= %d" % g.small(-3, 5), "//= %d" % g.small(-3, 4),
                          "%%= %d" % g.small(-3, 7), "**= %d" % g.small(0, 3), "<<= %d" % g.small(0, 9),
                          ">>= %d" % g.small(0, 9), "&= %d" % g.small(-9, 99), "|= %d" % g.small(-9, 99),
                          "^= %d" % g.small(-9, 99)]
         # After /= the value is a float, and **= would use the C library's pow.
         + (["/= %d" % g.small(-2, 4)] if g.ok("float_pow_ulp") else [])),
        (g.float_lit(), ["+= 1.5", "-= 0.25", "*= -2", "/= 3", "//= 0.5", "%= 1.25"]
         + (["**= 2"] if g.ok("float_pow_ulp") else [])),
        (g.str_lit(), ["+= %s" % g.str_lit(), "*= %d" % g.small(0, 3), "+= str(%d)" % g.small()]),
        ("[1, 2]", ["+= [3]", "+= (4, 5)", "+= 'ab'", "*= 2", "+= range(2)"]),
        ("(1,)", ["+= (2,)", "*= 3", "+= [3]"]),
    ])
    lines = ["%s = %s" % (x, start)]
    for op in g.r.sample(ops, min(len(ops), g.r.randint(1, 4))):
        lines += g.guarded(["%s %s" % (x, op)])
        lines.append("print(repr(%s))" % x)
    return lines


# ---- constructs other work is fixing (issue 17): emitted only with --known -----------------------
@snippet(2)
def other_work(g):
    options = []
    if g.ok("huge_repeat"):
        options += [g.show("len([0] * (2 ** 62))"), g.show("len('ab' * (2 ** 62))"), g.show("(1,) * (2 ** 40)")]
    if g.ok("slice_assign_self"):
        x = g.fresh("sa")
        options.append("%s = %s\n%s[1:%d] = %s\nprint(%s)" % (x, g.list_expr(0), x, g.small(0, 4), x, x))
    if g.ok("str_encode"):
        options += [g.show("%s.encode(%r)" % (g.str_expr(0), c)) for c in ("latin-1", "ascii", "utf-16")]
    if g.ok("except_non_class"):
        options.append("try:\n    raise ValueError('v')\nexcept (ValueError, 5) as e:\n    print('caught', e)\n"
                       "except Exception as e:\n    print('!', type(e).__name__, e)")
    if g.ok("deep_recursion"):
        f = g.fresh("rec")
        options.append("def %s(n):\n    return %s(n + 1)\n%s" % (f, f, g.show("%s(0)" % f)))
    if g.ok("range_len_hash"):
        options += [g.show("len(range(2 ** 64))"), g.show("hash(range(3)) == hash(range(0, 3))"),
                    g.show("range(2 ** 70)[-1]")]
    if g.ok("int_digit_limit"):
        options += [g.show("len(str(10 ** 5000))"), g.show("int('9' * 5000)")]
    return g.r.choice(options).split("\n") if options else []
