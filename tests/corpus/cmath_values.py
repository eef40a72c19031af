# Results are printed to 12 significant digits (signs of zeros, infinities and NaNs
# exactly): the VM's libm (musl's algorithms) may differ from glibc's in the last bit, the
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

finite = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.0, -3.25, 1e-300, -1e-310, 1e300, -1e300, 710.0, -710.0, 0.7]
values = [complex(1.5, 0.5), complex(-2.0, 3.0), complex(0.25, -0.75), complex(-1e-5, -4.0),
          complex(3.0, 0.0), complex(-3.0, -0.0), complex(0.0, 2.0), complex(-0.0, -2.0),
          complex(1.0, 0.0), complex(-1.0, 0.0), complex(1.0, -0.0), complex(0.6, 0.8),
          complex(1e308, 1e308), complex(-1e200, 5.0), complex(2.0, 1e-320), complex(1e-320, 1e-321),
          complex(0.0, 0.0), complex(-0.0, 0.0), complex(0.0, -0.0), complex(-0.0, -0.0),
          complex(1.0, 1e-160), complex(-1.0, 1e-170), complex(800.0, 0.5), complex(-800.0, 2.5),
          complex(20.0, 1.0), complex(0.5, 800.0)]


def show(name, z):
    try:
        r = c(getattr(cmath, name)(z))
    except (ValueError, OverflowError) as e:
        r = type(e).__name__ + ": " + str(e)
    print(name, z, r)


for name in FUNCS:
    for z in values:
        show(name, z)

for name in ["phase", "polar"]:
    for z in values + [complex(inf, 1), complex(-inf, -0.0), complex(nan, 1), complex(1, inf), complex(-inf, inf),
                       complex(inf, -inf), complex(-inf, -inf), complex(-2, -0.0), complex(-2, 0.0)]:
        show(name, z)
for r in [0.0, -0.0, 1.0, -2.0, inf, -inf, nan]:
    for phi in [0.0, -0.0, 1.0, -2.0, 3.0, inf, -inf, nan]:
        try:
            print("rect", r, phi, c(cmath.rect(r, phi)))
        except ValueError as e:
            print("rect", r, phi, "ValueError:", e)

print(c(cmath.log(8, 2)), c(cmath.log(complex(1, 1), 3j)), cmath.log(0, 2), c(cmath.log(100, 10)))
for args in [(2, 1), (2, 0), (0,), (0, 0)]:
    try:
        print(c(cmath.log(*args)))
    except ValueError as e:
        print("ValueError:", e)

print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
print(cmath.isfinite(1 + 2j), cmath.isfinite(complex(inf, 0)), cmath.isinf(complex(0, -inf)),
      cmath.isinf(complex(nan, 1)), cmath.isnan(complex(1, nan)), cmath.isnan(3))
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 1.1j), cmath.isclose(1j, 1.1j, rel_tol=0.2),
      cmath.isclose(0, 1e-10, abs_tol=1e-9), cmath.isclose(complex(inf, 1), complex(inf, 1)),
      cmath.isclose(complex(inf, 1), complex(inf, 2)), cmath.isclose(a=1, b=1.0))


# Argument types.
class C:
    def __complex__(self):
        return 3 + 4j


class F:
    def __float__(self):
        return 2.5


class I:
    def __index__(self):
        return 7


print(cmath.sqrt(C()), c(cmath.sqrt(F())), c(cmath.sqrt(I())), cmath.sqrt(-4), cmath.sqrt(True), c(cmath.exp(10**20 // 10**20)))
print(c(cmath.rect(F(), I())), cmath.phase(-1), c(cmath.polar(C())))

errors = [
    lambda: cmath.sqrt("a"),
    lambda: cmath.sqrt(),
    lambda: cmath.sqrt(1, 2),
    lambda: cmath.sqrt(x=1),
    lambda: cmath.sqrt(10**400),
    lambda: cmath.exp(1000),
    lambda: cmath.cosh(complex(1000, 1)),
    lambda: cmath.atanh(1),
    lambda: cmath.atanh(-1),
    lambda: cmath.log(0),
    lambda: cmath.log(),
    lambda: cmath.log(1, 2, 3),
    lambda: cmath.log(1, "a"),
    lambda: cmath.rect(1),
    lambda: cmath.rect("a", 1),
    lambda: cmath.rect(1, 1j),
    lambda: cmath.rect(1, inf),
    lambda: cmath.phase(),
    lambda: cmath.polar(complex(1e308, 1e308)),
    lambda: cmath.polar(complex(1.7e308, 1.7e308)),
    lambda: cmath.isclose(1),
    lambda: cmath.isclose(1, 2, 3),
    lambda: cmath.isclose(1, 2, foo=3),
    lambda: cmath.isclose(1, 2, rel_tol=-1),
    lambda: cmath.isclose(1, 2, rel_tol="a"),
    lambda: cmath.sin(complex(inf, 0)),
    lambda: cmath.exp(complex(0, inf)),
    lambda: cmath.exp(complex(-inf, inf)),
    lambda: cmath.tanh(complex(1, inf)),
    lambda: cmath.isnan("x"),
]
for f in errors:
    try:
        print(c(f()))
    except Exception as e:
        print(type(e).__name__, e)
