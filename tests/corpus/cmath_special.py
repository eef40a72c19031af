# Annex G special values of every function over every pair of special parts. Results are
# printed to 12 significant digits (signs of zeros, infinities and NaNs exactly): the VM's libm (musl's algorithms) may differ from glibc's in the last bit, the
# algorithms on top (branch cuts, special values, overflow paths) are CPython's.
import cmath

inf = float("inf")
nan = float("nan")


def fmt(x):
    if x != x or x in (inf, -inf) or x == 0:
        return repr(x)
    return "%.12g" % x


def c(z):
    if isinstance(z, tuple):
        return "(%s, %s)" % (fmt(z[0]), fmt(z[1]))
    if isinstance(z, float):
        return fmt(z)
    return "(%s, %sj)" % (fmt(z.real), fmt(z.imag))


FUNCS = ["sqrt", "exp", "log", "log10", "acos", "asin", "atan", "cos", "sin", "tan",
         "acosh", "asinh", "atanh", "cosh", "sinh", "tanh"]

# Every pair of special classes, for every function.
specials = [-inf, -2.0, -0.0, 0.0, 2.0, inf, nan]
for name in FUNCS:
    for re in specials:
        row = []
        for im in specials:
            z = complex(re, im)
            try:
                r = getattr(cmath, name)(z)
                row.append(c(r))
            except (ValueError, OverflowError) as e:
                row.append(type(e).__name__)
        print(name, re, " ".join(row))

