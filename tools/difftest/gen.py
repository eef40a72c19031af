"""Random, terminating Python programs for differential testing (Frostbyte vs CPython).

A program is a prelude (a `show` helper and a pool of typed variables bound to literals)
followed by independent *snippets*. Every snippet is a small generator registered with a
weight by the `@snippet` decorator; it returns a list of source lines. Expressions come from
typed generators (`g.int_expr()`, `g.str_expr()`, ...) that pick one of several weighted
productions. Risky code is run through `show(lambda: ...)` or an explicit try/except that
prints the exception's type name and message, so errors are compared as well.

Determinism and termination rules kept by every generator:
- loops are bounded (`range` of a literal, or a counter with a literal limit), there is no
  recursion, ints stay below a few thousand bits (`int_expr` tracks a bit bound) and strings
  and lists stay short (repetition counts are small literals);
- nothing prints `id()`, str hashes or the iteration order of a set holding strs (sets hold
  ints only; str collections are printed sorted or as lists/dicts, which keep order).

Extending: write a function `def my_snippet(g): return [lines]`, decorate it with
`@snippet(weight)`, use `g.r` (a `random.Random`) for choices and `g.fresh('x')` for names.
A construct that diverges and cannot be fixed at once goes into `KNOWN_DIVERGENCES`; guard it
with `if g.ok('name'):` so the fixed batch avoids it and `--known` turns it back on.
"""

import random

# Constructs that diverge today (or crash, or are being fixed elsewhere). Generators check
# `g.ok(name)` before emitting one; the fixed batch (`run.py` without `--known`) avoids them
# all, `--known` emits them again (to see whether they are fixed). Value: why, and where the
# minimised reproducer lives.
KNOWN_DIVERGENCES = {
    # Being fixed by other helpers (issue 17): kept out of the fixed batch.
    "huge_repeat": "sequence repetition by huge counts (size-arithmetic overflow; issue 17)",
    "slice_assign_self": "slice assignment from the list itself (use-after-free; issue 17)",
    "dunder_on_builtin": "explicit dunder calls on built-in values, e.g. (3).__hash__() (issue 17)",
    "str_encode": "str.encode with codecs other than utf-8 (issue 17)",
    "except_non_class": "except clauses naming a non-class, e.g. except (ValueError, 5) (issue 17)",
    "int_digit_limit": "int<->str conversions over 4300 digits (issue 17)",
    "deep_recursion": "recursion deep enough to hit RecursionError (issue 17)",
    "range_len_hash": "len()/hash() of ranges with huge bounds (issue 17)",
    # Found by difftest, not fixed (reproducers in findings/).
    "str_casefold": "str.casefold() is str.lower(): no full case folding ('ß' -> 'ss'); "
                    "findings/casefold.py",
    "unbound_builtin_method": "calling a built-in method through its type with a wrong or "
                              "missing self (list.append(), str.upper(5)): Frostbyte says "
                              "\"descriptor requires a 'list' object\"; findings/unbound_method.py",
    "float_pow_ulp": "float ** uses libm's pow, whose last bit differs from glibc's (CPython's) on "
                     "some arguments, even for ** 2 (x ** 2 with x = 1.5000000000000504); "
                     "findings/float_pow.py",
    "long_exc_message": "exception messages that embed a repr are cut at a fixed length "
                         "(ValueError: <240-digit int>... is not in list); findings/long_message.py",
    "int_unicode_digits": "int()/float() reject non-ASCII decimal digits (int('١٢') is 12 in "
                          "CPython); findings/unicode_digits.py",
    "sort_failure_state": "list.sort is a merge sort, not CPython's timsort: the order of "
                          "comparisons differs, so a sort that raises (mixed types) fails on "
                          "another pair and leaves the list unchanged where CPython's is partly "
                          "sorted; findings/sort_failure.py",
    "str_repr_unicode": "repr() and str.isprintable() use an approximation of Unicode's "
                         "printable set: unassigned and private-use code points outside the BMP "
                         "(chr(787196)) are printed raw instead of escaped; "
                         "findings/repr_unicode.py",
    "builtin_arity": "built-in functions and methods do not check their argument count or "
                      "keyword names (repr(1, 2) is accepted); findings/builtin_arity.py. The "
                      "generator never emits wrong-arity calls of built-ins outside this switch",
    "math_ulp": "transcendental math functions come from libm, which differs from the C library "
                "CPython uses by an ulp on some arguments (math.cosh(1)); the fixed batch keeps 9 "
                "significant digits of their results",
}

_SNIPPETS = []


def snippet(weight):
    """Register a top-level snippet generator with a relative weight."""

    def deco(fn):
        _SNIPPETS.append((weight, fn))
        return fn

    return deco


def lit(v):
    """Source text for a literal value (negative numbers in parentheses)."""
    if isinstance(v, float):
        if v != v:
            return "float('nan')"
        if v in (float("inf"), float("-inf")):
            return "float('%s')" % ("inf" if v > 0 else "-inf")
    s = repr(v)
    if isinstance(v, (int, float)) and s.startswith("-"):
        return "(" + s + ")"
    return s


INT_SPECIAL = [0, 1, -1, 2, 3, 7, 10, 100, 255, 256, -256, 1000, 2**30 - 1, 2**30, -(2**30),
               -(2**30) - 1, 2**31 - 1, 2**31, -(2**31), 2**32, 2**62, 2**63 - 1, 2**63,
               -(2**63), 2**64, 10**18, 10**20, -(10**25)]
FLOATS = [0.0, -0.0, 0.1, 0.5, 1.5, 2.5, -2.5, 3.75, -3.75, 1e16, 1e-7, 123.456, 1 / 3, 2 / 3,
          1e300, -1e300, 5e-324, 1e22, 1e23, 0.30000000000000004, 9007199254740993.0,
          123456789.125, float("inf"), float("-inf"), float("nan"), 100.0, -7.0, 0.05, 2.675,
          1.005, 4.35, 0.125, 1e-5, 12345.6789]
STRS = ["", "a", "abc", "Hello, World", "  padded  ", "a,b,,c", "x\ty\nz", "ÄÖü straße", "日本語",
        "MiXeD cAsE", "123", "-12", "3.5", "aaa", "the quick brown fox", "it's", 'a"b',
        "\x00\x7f\x80", "😀!", "abcabcabc", "  ", "Title Case Words", "snake_case_name",
        "0x1f", "1_000", " 42 ", "tab\there", "line1\nline2\r\nline3"]
SEPS = ["", ",", " ", "a", "ab", ", ", "\n", "-"]
FMT_TYPES_INT = ["d", "x", "X", "o", "b", "c", "n", ""]
FMT_TYPES_FLOAT = ["f", "e", "E", "g", "G", "%", ""]


class Gen:
    """State of one program's generation: the random source, fresh names, the variable pool."""

    def __init__(self, rng, known=False):
        self.r = rng
        self.known = known
        self.counter = 0
        self.pool = {"int": [], "float": [], "str": [], "list": [], "tuple": [], "dict": [],
                     "set": []}

    # ---- helpers -------------------------------------------------------------------------
    def ok(self, name):
        """May the construct `name` (a KNOWN_DIVERGENCES key) be emitted?"""
        assert name in KNOWN_DIVERGENCES, name
        return self.known

    def fresh(self, prefix):
        self.counter += 1
        return "%s%d" % (prefix, self.counter)

    def pick(self, *weighted):
        """pick((w, value_or_callable), ...) -> value (callables are called)."""
        total = sum(w for w, _ in weighted)
        x = self.r.random() * total
        for w, v in weighted:
            x -= w
            if x < 0:
                return v() if callable(v) else v
        v = weighted[-1][1]
        return v() if callable(v) else v

    def small(self, lo=-5, hi=8):
        return self.r.randint(lo, hi)

    def var(self, kind):
        names = self.pool[kind]
        return self.r.choice(names) if names else None

    # ---- ints ----------------------------------------------------------------------------
    def int_lit(self):
        r = self.r.random()
        if r < 0.5:
            v = self.r.randint(-12, 12)
        elif r < 0.75:
            v = self.r.choice(INT_SPECIAL)
        else:
            v = self.r.randint(-(10**30), 10**30) >> self.r.randint(0, 100)
        return lit(v), max(1, abs(v).bit_length())

    def int_expr(self, d=2):
        """(source, bit bound) of an int-valued expression (or one that raises)."""
        if d <= 0 or self.r.random() < 0.25:
            v = self.var("int")
            if v and self.r.random() < 0.4:
                return v, 110
            return self.int_lit()
        a, ab = self.int_expr(d - 1)
        b, bb = self.int_expr(d - 1)
        k = self.r.random()
        if k < 0.35:
            op = self.r.choice(["+", "-", "//", "%", "&", "|", "^"])
            return "(%s %s %s)" % (a, op, b), max(ab, bb) + 1
        if k < 0.45:
            if ab + bb > 3000:
                return "(%s + %s)" % (a, b), max(ab, bb) + 1
            return "(%s * %s)" % (a, b), ab + bb
        if k < 0.52:
            e = self.r.randint(0, max(0, min(40, 2000 // max(ab, 1))))
            return "(%s ** %d)" % (a, e), ab * max(e, 1)
        if k < 0.60:
            n = self.r.randint(0, 70) if self.r.random() < 0.95 else -1
            return "(%s << %d)" % (a, n), ab + max(n, 0)
        if k < 0.66:
            return "(%s >> %d)" % (a, self.r.randint(0, 70)), ab
        if k < 0.72:
            return self.r.choice(["(-%s)", "(~%s)", "abs(%s)", "(+%s)"]) % a, ab + 1
        if k < 0.76:
            return "divmod(%s, %s)[%d]" % (a, b, self.r.randint(0, 1)), max(ab, bb)
        if k < 0.79:
            m, _ = self.int_lit()
            e = self.r.randint(-2, 200)
            return "pow(%s, %d, %s)" % (a, e, m), 110
        if k < 0.83:
            return self.r.choice(["min", "max"]) + "(%s, %s)" % (a, b), max(ab, bb)
        if k < 0.86:
            return "(%s if %s else %s)" % (a, self.bool_expr(d - 1), b), max(ab, bb)
        if k < 0.89:
            return self.r.choice(["int", "round"]) + "(%s)" % self.float_expr(d - 1), 1030
        if k < 0.92:
            return "len(%s)" % self.pick((3, lambda: self.str_expr(d - 1)),
                                         (2, lambda: self.list_expr(d - 1))), 16
        if k < 0.95:
            return self.int_parse(), 110
        if k < 0.97:
            return "sum(%s)" % self.list_expr(d - 1), 120
        if k < 0.99:
            return "(%s %s %s)" % (a, self.r.choice(["<", "==", ">=", "!="]), b), 2
        return "(%s).bit_length()" % a, 12

    def int_parse(self):
        s = self.r.choice(["'42'", "' -17 '", "'0'", "'1_000'", "'12a'", "''", "'+5'",
                           "'99999999999999999999999'", "'3.5'", "'-0'", "'0x1F'", "'ff'",
                           "'777'", "'1010'", "'z'", "'  12\\n'"]
                          + (["'٣'"] if self.ok("int_unicode_digits") else []))
        base = self.r.choice(["", "", ", 16", ", 8", ", 2", ", 0", ", 36", ", 10", ", 1"])
        return "int(%s%s)" % (s, base)

    # ---- floats --------------------------------------------------------------------------
    def float_lit(self):
        r = self.r.random()
        if r < 0.5:
            return lit(self.r.choice(FLOATS))
        if r < 0.8:
            return lit(round(self.r.uniform(-1000, 1000), self.r.randint(0, 6)))
        return lit(self.r.uniform(1, 10) * 10.0 ** self.r.randint(-30, 30))

    def float_expr(self, d=2):
        if d <= 0 or self.r.random() < 0.3:
            v = self.var("float")
            if v and self.r.random() < 0.4:
                return v
            return self.float_lit()
        a = self.float_expr(d - 1)
        k = self.r.random()
        if k < 0.4:
            b = self.pick((3, lambda: self.float_expr(d - 1)), (1, lambda: self.int_expr(d - 1)[0]))
            op = self.r.choice(["+", "-", "*", "/", "//", "%"])
            return "(%s %s %s)" % (a, op, b)
        if k < 0.47:
            # A negative base with a fractional exponent gives a complex number in CPython
            # (Frostbyte has no complex type: that is a documented limit, not generated).
            if self.ok("float_pow_ulp"):
                return "(abs(%s) ** %s)" % (a, self.r.choice(["2", "0.5", "-1", "3", "0", "1.5", "-0.5"]))
            return "(%s ** %s)" % (a, self.r.choice(["0", "1"]))
        if k < 0.55:
            return "float(%s)" % self.pick(
                (3, lambda: self.int_expr(d - 1)[0]),
                (2, lambda: self.r.choice(["'1.5'", "' -2.25e3 '", "'inf'", "'-Infinity'",
                                           "'nan'", "'1e400'", "'abc'", "'1_0.5'", "'.5'",
                                           "'5.'", "'0x10'", "'1e-400'"])))
        if k < 0.62:
            return "round(%s, %d)" % (a, self.r.randint(-2, 4))
        if k < 0.67:
            return self.r.choice(["(-%s)", "abs(%s)"]) % a
        if k < 0.75:
            fn = self.r.choice(["sqrt", "floor", "ceil", "fabs", "trunc", "exp", "log", "sin",
                                "atan", "copysign", "cosh", "pow"])
            if fn == "copysign":
                return "math.copysign(%s, %s)" % (a, self.float_expr(d - 1))
            if fn == "pow":
                e = "math.pow(%s, %s)" % (a, self.float_expr(d - 1))
            else:
                e = "math.%s(%s)" % (fn, a)
            if fn in ("exp", "log", "sin", "atan", "cosh", "pow") and not self.ok("math_ulp"):
                e = "float('%%.9g' %% %s)" % e  # keep 9 significant digits
            return e
        if k < 0.8:
            return "(%s / %s)" % (self.int_expr(d - 1)[0], self.int_expr(d - 1)[0])
        if k < 0.85:
            return self.r.choice(["min", "max"]) + "(%s, %s)" % (a, self.float_expr(d - 1))
        if k < 0.9:
            return "divmod(%s, %s)[%d]" % (a, self.float_expr(d - 1), self.r.randint(0, 1))
        return "(%s if %s else %s)" % (a, self.bool_expr(d - 1), self.float_expr(d - 1))

    # ---- strs ----------------------------------------------------------------------------
    def str_lit(self):
        return repr(self.r.choice(STRS))

    def slice_part(self):
        return self.r.choice(["", "", str(self.small(-6, 8)), str(self.small(-20, 20))])

    def slice_text(self):
        a, b = self.slice_part(), self.slice_part()
        if self.r.random() < 0.4:
            step = self.r.choice(["", "1", "2", "-1", "-2", "3", "-3", "0"])
            return "%s:%s:%s" % (a, b, step)
        return "%s:%s" % (a, b)

    def str_expr(self, d=2):
        if d <= 0 or self.r.random() < 0.25:
            v = self.var("str")
            if v and self.r.random() < 0.4:
                return v
            return self.str_lit()
        a = self.str_expr(d - 1)
        k = self.r.random()
        if k < 0.12:
            return "(%s + %s)" % (a, self.str_expr(d - 1))
        if k < 0.17:
            return "(%s * %d)" % (a, self.small(-1, 3))
        if k < 0.27:
            return "%s[%s]" % (a, self.slice_text())
        if k < 0.32:
            return "%s[%d]" % (a, self.small(-6, 6))
        if k < 0.52:
            return self.str_method(a, d)
        if k < 0.62:
            return self.format_expr(d)
        if k < 0.68:
            return "%s(%s)" % (self.r.choice(["str", "repr"]), self.any_expr(d - 1))
        if k < 0.73:
            return "%r.join(%s)" % (self.r.choice(SEPS), self.pick(
                (2, lambda: "map(str, %s)" % self.list_expr(d - 1)),
                (1, lambda: "%s.split()" % a),
                (1, lambda: "sorted(%s)" % a)))
        if k < 0.77:
            return "chr(%s)" % self.r.choice(["65", "97", "0x3b1", "0x1F600", "10", "-1",
                                              "0x110000", "255", "32"])
        if k < 0.82:
            return "%s(%s)" % (self.r.choice(["hex", "oct", "bin", "ascii"]), self.int_expr(d - 1)[0])
        if k < 0.87:
            return "(%s if %s else %s)" % (a, self.bool_expr(d - 1), self.str_expr(d - 1))
        if k < 0.92:
            return "format(%s, %r)" % (self.num_expr(d - 1), self.format_spec())
        return "%s.%s" % (a, self.r.choice(["upper()", "lower()", "strip()", "title()"]))

    def str_method(self, a, d):
        s2 = lambda: self.str_lit()
        n = lambda: str(self.small(-3, 12))
        m = self.r.choice([
            "upper()", "lower()", "capitalize()", "title()", "swapcase()",
            "casefold()" if self.ok("str_casefold") else "lower()",
            "strip()", "lstrip()", "rstrip()", "strip(%s)" % repr(self.r.choice(["a", " ", "xa", "!,"])),
            "replace(%s, %s)" % (s2(), s2()), "replace(%r, %r, %s)" % (
                self.r.choice(["a", "b", "", " ", "ab"]), self.r.choice(["", "-", "XY"]), n()),
            "center(%s)" % n(), "center(%s, %r)" % (n(), self.r.choice(["*", "-", "é"])),
            "ljust(%s)" % n(), "rjust(%s, %r)" % (n(), self.r.choice(["0", "."])),
            "zfill(%s)" % n(), "expandtabs(%d)" % self.small(0, 6),
            "removeprefix(%r)" % self.r.choice(["a", "Hel", ""]),
            "removesuffix(%r)" % self.r.choice(["c", "ld", ""]),
            "join(%s)" % self.list_of_strs(),
        ])
        return "%s.%s" % (a, m)

    def list_of_strs(self):
        return repr([self.r.choice(STRS[:12]) for _ in range(self.r.randint(0, 3))])

    def format_spec(self, kind=None):
        fill = self.r.choice(["", "", "", "*", "0", "é"])
        align = self.r.choice(["", "", "<", ">", "^", "="]) if fill == "" else self.r.choice(["<", ">", "^"])
        sign = self.r.choice(["", "", "+", "-", " "])
        alt = self.r.choice(["", "", "", "#"])
        zero = self.r.choice(["", "", "", "0"])
        width = self.r.choice(["", "", str(self.r.randint(1, 14))])
        group = self.r.choice(["", "", "", ",", "_"])
        prec = self.r.choice(["", "", ".%d" % self.r.randint(0, 8)])
        if kind == "int":
            typ = self.r.choice(FMT_TYPES_INT + FMT_TYPES_FLOAT[:2])
            if typ == "c" and not self.ok("str_repr_unicode"):
                typ = "d"  # an arbitrary int as a character: its repr may need the Unicode tables
        elif kind == "float":
            typ = self.r.choice(FMT_TYPES_FLOAT)
        elif kind == "str":
            return fill + self.r.choice(["<", ">", "^", ""]) + width + prec + self.r.choice(["", "s"])
        else:
            typ = self.r.choice(FMT_TYPES_INT + FMT_TYPES_FLOAT)
            if typ == "c" and not self.ok("str_repr_unicode"):
                typ = "x"
        if typ in ("n", "c"):
            group = ""
        return fill + align + sign + alt + zero + width + group + prec + typ

    def num_expr(self, d):
        return self.pick((1, lambda: self.int_expr(d)[0]), (1, lambda: self.float_expr(d)))

    def format_expr(self, d):
        kind = self.r.choice(["int", "float", "str"])
        val = {"int": lambda: self.int_expr(d - 1)[0], "float": lambda: self.float_expr(d - 1),
               "str": lambda: self.str_expr(d - 1)}[kind]()
        spec = self.format_spec(kind)
        k = self.r.random()
        if k < 0.35:
            conv = self.r.choice(["", "", "!r", "!s"]) if kind == "str" else ""
            # The value is bound to a lambda parameter: f-string fields of 3.11 may not hold
            # quotes or backslashes.
            if self.r.random() < 0.2:
                w = self.r.randint(0, 12)
                return "(lambda v, w: f'{v%s:{w}}|{v%s:>{w}}')(%s, %d)" % (conv, conv, val, w)
            return "(lambda v: f'<{v%s:%s}>')(%s)" % (conv, spec, val)
        if k < 0.65:
            return "'[{0:%s}|{0!r}]'.format(%s)" % (spec, val)
        pct = self.percent_spec(kind)
        return "(%r %% (%s,))" % ("<" + pct + ">", val)

    def percent_spec(self, kind):
        flags = "".join(self.r.sample(["-", "+", " ", "0", "#"], self.r.randint(0, 2)))
        width = self.r.choice(["", "", str(self.r.randint(1, 12)), "*"])
        prec = self.r.choice(["", "", ".%d" % self.r.randint(0, 7)])
        if width == "*":
            width = ""
        typ = {"int": self.r.choice("dixXoeEfgGcrs" if self.ok("str_repr_unicode") else "dixXoeEfgGrs"), "float": self.r.choice("deEfFgGrsi"),
               "str": self.r.choice("srad")}[kind]
        return "%" + flags + width + prec + typ

    # ---- other types -----------------------------------------------------------------------
    def bool_expr(self, d=1):
        k = self.r.random()
        if k < 0.35:
            a, _ = self.int_expr(d)
            b, _ = self.int_expr(d)
            if self.r.random() < 0.3:
                return "(%s < %s <= %s)" % (a, b, self.int_expr(d)[0])
            return "(%s %s %s)" % (a, self.r.choice(["<", "<=", "==", "!=", ">", ">="]), b)
        if k < 0.5:
            a, b = self.float_expr(d), self.num_expr(d)
            return "(%s %s %s)" % (a, self.r.choice(["<", "<=", "==", "!=", ">", ">="]), b)
        if k < 0.62:
            return "(%s %s %s)" % (self.str_expr(d), self.r.choice(["<", "==", "in", "not in", ">="]),
                                   self.str_expr(d))
        if k < 0.7:
            return "%s.%s()" % (self.str_expr(d), self.r.choice(
                ["isdigit", "isalpha", "isspace", "isupper", "islower", "isalnum", "isidentifier",
                 "istitle", "isdecimal", "isnumeric", "isascii", "isprintable"]))
        if k < 0.78:
            return "(%s in %s)" % (self.int_expr(d)[0], self.pick(
                (2, lambda: self.list_expr(d)), (1, lambda: self.set_expr(d)),
                (1, lambda: self.tuple_expr(d))))
        if k < 0.85:
            return "(not %s)" % self.any_expr(d)
        if k < 0.92:
            return "(%s %s %s)" % (self.any_expr(d), self.r.choice(["and", "or"]), self.any_expr(d))
        return "%s(%s)" % (self.r.choice(["bool", "callable"]), self.any_expr(d))

    def list_expr(self, d=1):
        k = self.r.random()
        if d <= 0 or k < 0.25:
            v = self.var("list")
            if v and self.r.random() < 0.5:
                return v
            return repr([self.r.randint(-9, 20) for _ in range(self.r.randint(0, 6))])
        if k < 0.35:
            return "list(range(%d, %d, %s))" % (self.small(-5, 5), self.small(-10, 15),
                                                 self.r.choice(["1", "2", "-1", "3", "-2"]))
        if k < 0.45:
            x = self.fresh("x")
            cond = self.r.choice(["", " if %s %% 2" % x, " if %s > 0" % x, " if %s != 3" % x])
            return "[%s for %s in %s%s]" % (
                self.r.choice(["%s * 2", "%s - 1", "%s // 3", "-%s", "%s %% 5", "%s ** 2"]) % x,
                x, self.list_expr(d - 1), cond)
        if k < 0.55:
            return "sorted(%s%s)" % (self.list_expr(d - 1), self.r.choice(
                ["", ", reverse=True", ", key=abs", ", key=lambda v: -v", ", key=lambda v: (v % 3, v)"]))
        if k < 0.62:
            return "%s[%s]" % (self.list_expr(d - 1), self.slice_text())
        if k < 0.7:
            return "(%s + %s)" % (self.list_expr(d - 1), self.list_expr(d - 1))
        if k < 0.75:
            return "(%s * %d)" % (self.list_expr(d - 1), self.small(-1, 3))
        if k < 0.82:
            return "list(%s)" % self.pick((1, lambda: self.tuple_expr(d - 1)),
                                          (1, lambda: self.set_expr(d - 1)),
                                          (1, lambda: "reversed(%s)" % self.list_expr(d - 1)))
        if k < 0.88:
            return "[len(w) for w in %s.split(%s)]" % (self.str_expr(d - 1), self.r.choice(
                ["", "','", "' '", "'a'"]))
        if k < 0.94:
            return "list(map(%s, %s))" % (self.r.choice(["abs", "lambda v: v * v", "bool"]),
                                          self.list_expr(d - 1))
        return "[%s for i, v in enumerate(%s)]" % (self.r.choice(["i * v", "i + v", "v - i"]),
                                                    self.list_expr(d - 1))

    def tuple_expr(self, d=1):
        k = self.r.random()
        if d <= 0 or k < 0.4:
            v = self.var("tuple")
            if v and self.r.random() < 0.5:
                return v
            return repr(tuple(self.r.randint(-5, 9) for _ in range(self.r.randint(0, 4))))
        if k < 0.6:
            return "tuple(%s)" % self.list_expr(d - 1)
        if k < 0.75:
            return "(%s, %s)" % (self.int_expr(d - 1)[0], self.str_expr(d - 1))
        if k < 0.85:
            return "%s[%s]" % (self.tuple_expr(d - 1), self.slice_text())
        return "divmod(%s, %s)" % (self.num_expr(d - 1), self.num_expr(d - 1))

    def set_expr(self, d=1):
        k = self.r.random()
        if d <= 0 or k < 0.35:
            v = self.var("set")
            if v and self.r.random() < 0.5:
                return v
            items = [self.r.randint(-3, 40) for _ in range(self.r.randint(1, 6))]
            return "{%s}" % ", ".join(map(str, items))
        if k < 0.55:
            return "(%s %s %s)" % (self.set_expr(d - 1), self.r.choice(["|", "&", "-", "^"]),
                                   self.set_expr(d - 1))
        if k < 0.7:
            return "set(%s)" % self.list_expr(d - 1)
        if k < 0.85:
            return "{%s for v in %s}" % (self.r.choice(["v % 7", "v * 3", "abs(v)", "v // 2"]),
                                         self.list_expr(d - 1))
        return "frozenset(%s)" % self.list_expr(d - 1)

    def dict_expr(self, d=1):
        k = self.r.random()
        if d <= 0 or k < 0.4:
            v = self.var("dict")
            if v and self.r.random() < 0.5:
                return v
            keys = self.r.sample(["a", "b", "c", "key", "", "z"], self.r.randint(0, 4))
            return "{%s}" % ", ".join("%r: %d" % (kk, self.small(-5, 9)) for kk in keys)
        if k < 0.6:
            return "{v: v * v for v in %s}" % self.list_expr(d - 1)
        if k < 0.75:
            return "dict(zip(%s, %s))" % (self.str_expr(d - 1), self.list_expr(d - 1))
        if k < 0.85:
            return "dict.fromkeys(%s, %s)" % (self.list_expr(d - 1), self.int_expr(d - 1)[0])
        return "{**%s, %r: %s}" % (self.dict_expr(d - 1), self.r.choice(["a", "q"]), self.int_expr(d - 1)[0])

    def any_expr(self, d=2):
        return self.pick(
            (5, lambda: self.int_expr(d)[0]), (3, lambda: self.float_expr(d)),
            (4, lambda: self.str_expr(d)), (2, lambda: self.bool_expr(d)),
            (2, lambda: self.list_expr(d)), (1, lambda: self.tuple_expr(d)),
            (1, lambda: self.set_expr(d)), (1, lambda: self.dict_expr(d)))

    # ---- statements --------------------------------------------------------------------------
    def show(self, expr):
        return "show(lambda: %s)" % expr

    def guarded(self, body, indent=""):
        """body lines wrapped in try/except printing the exception."""
        out = [indent + "try:"]
        out += [indent + "    " + ln for ln in body]
        out += [indent + "except Exception as e:", indent + "    print('!', type(e).__name__, e)"]
        return out

    def prelude(self):
        lines = [
            "import math",
            "",
            "def show(f):",
            "    try:",
            "        r = f()",
            "    except Exception as e:",
            "        print('!', type(e).__name__, e)",
            "    else:",
            "        print(repr(r))",
            "",
        ]
        makers = {
            "int": lambda: self.int_lit()[0], "float": self.float_lit, "str": self.str_lit,
            "list": lambda: repr([self.r.randint(-9, 20) for _ in range(self.r.randint(0, 7))]),
            "tuple": lambda: repr(tuple(self.r.randint(-9, 9) for _ in range(self.r.randint(0, 4)))),
            "dict": lambda: repr({k: self.small() for k in self.r.sample("abcdefg", self.r.randint(0, 4))}),
            "set": lambda: "{%s}" % ", ".join(str(self.r.randint(-2, 50)) for _ in range(self.r.randint(1, 6))),
        }
        for kind, mk in makers.items():
            for _ in range(self.r.randint(1, 3)):
                name = self.fresh(kind[0] + "v")
                lines.append("%s = %s" % (name, mk()))
                self.pool[kind].append(name)
        lines.append("")
        return lines


def generate(seed, index, known=False, size=None):
    """Source text of program `index` of the batch `seed`."""
    rng = random.Random("frostbyte-difftest-%s-%s" % (seed, index))
    g = Gen(rng, known)
    lines = g.prelude()
    n = size if size is not None else rng.randint(25, 60)
    total = sum(w for w, _ in _SNIPPETS)
    for _ in range(n):
        x = rng.random() * total
        for w, fn in _SNIPPETS:
            x -= w
            if x < 0:
                break
        lines += fn(g)
        lines.append("")
    if rng.random() < 0.15:
        lines += uncaught_end(g)
    source = "\n".join(lines) + "\n"
    compile(source, "prog.py", "exec")  # a SyntaxError here is a generator bug
    return source


import snippets  # noqa: E402,F401  (registers the snippet generators)
from snippets import uncaught_end  # noqa: E402
