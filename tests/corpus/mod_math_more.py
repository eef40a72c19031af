import math

names = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atan2', 'atanh', 'cbrt', 'ceil', 'comb',
         'copysign', 'cos', 'cosh', 'degrees', 'dist', 'e', 'erf', 'erfc', 'exp', 'exp2',
         'expm1', 'fabs', 'factorial', 'floor', 'fmod', 'frexp', 'fsum', 'gamma', 'gcd',
         'hypot', 'inf', 'isclose', 'isfinite', 'isinf', 'isnan', 'isqrt', 'lcm', 'ldexp',
         'lgamma', 'log', 'log10', 'log1p', 'log2', 'modf', 'nan', 'nextafter', 'perm', 'pi',
         'pow', 'prod', 'radians', 'remainder', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'tau',
         'trunc', 'ulp']
print([n for n in names if not hasattr(math, n)])
print(math.__name__)


def attempt(f, *args, **kw):
    try:
        print(f.__name__, args, '->', f(*args, **kw))
    except Exception as ex:
        print(f.__name__, args, '->', type(ex).__name__, ex)


# integer functions
print(math.gcd(), math.gcd(12, 18, 27), math.gcd(-4, 6), math.gcd(2**80, 2**70 * 3))
print(math.lcm(), math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(-3, 5), math.lcm(0, 5))
print(math.lcm(2**70, 3**20))
print([math.isqrt(n) for n in (0, 1, 2, 3, 4, 15, 16, 17, 99, 100, 2**52 + 1, 2**63 - 1)])
print(math.isqrt(10**40), math.isqrt(10**41), math.isqrt(2**200 - 1))
print(math.isqrt(True))
attempt(math.isqrt, -1)
attempt(math.isqrt, 2.0)
print(math.comb(10, 3), math.comb(5, 0), math.comb(5, 5), math.comb(5, 6), math.comb(100, 50))
print(math.perm(5), math.perm(5, 2), math.perm(5, 0), math.perm(5, 6), math.perm(30, 20))
print(math.perm(5, None))
attempt(math.comb, -1, 2)
attempt(math.comb, 5, -2)
attempt(math.comb, 5.0, 2)
attempt(math.perm, -3)
attempt(math.perm, 4, -1)
attempt(math.lcm, 1.5)
print(math.factorial(20), math.factorial(0))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2, 3], start=10), math.prod([1.5, 2]))
print(math.prod(range(1, 30)), math.prod(['ab'], start=1), math.prod([[1]], start=2))
attempt(math.prod, [1, 'a', 'b'])


class Idx:
    def __index__(self):
        return 7


print(math.comb(Idx(), 2), math.isqrt(Idx()), math.lcm(Idx(), 3))

# float functions
print(math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([]), math.fsum(range(5)), math.fsum([1, 2.5, 3]))
print(math.fsum([1e308, 1e308, -1e308]) if False else 'skip')
print(math.fsum([math.inf, 1.0]), math.fsum([-math.inf, 1]), math.fsum([math.nan, 1.0]))
attempt(math.fsum, [math.inf, -math.inf])
attempt(math.fsum, [1e308, 1e308])
attempt(math.fsum, ['a'])
print(math.fsum([0.3, 0.3, 0.3]), math.fsum([1.1, 2.2, 3.3]), math.fsum([-0.0, -0.0]))
print(math.hypot(), math.hypot(3), math.hypot(-3), math.hypot(3, 4), math.hypot(1, 2, 3))
print(math.hypot(1.5, 2.5, 3.5, 4.5), math.hypot(1e300, 1e300), math.hypot(1e-320, 1e-320))
print(math.hypot(math.inf, math.nan), math.hypot(math.nan, 1), math.hypot(0.0, 0.0))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 5, 6]), math.dist((1.5,), (0.25,)))
print(math.dist(iter([1, 1]), (2, 2)))
attempt(math.dist, (1, 2), (1, 2, 3))
attempt(math.hypot, 'a')
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1, 1.05, rel_tol=0.1))
print(math.isclose(0.0, 1e-12), math.isclose(0.0, 1e-12, abs_tol=1e-9))
print(math.isclose(math.inf, math.inf), math.isclose(math.inf, -math.inf), math.isclose(math.nan, math.nan))
attempt(math.isclose, 1.0, 1.0, rel_tol=-1.0)
print(math.frexp(8.0), math.frexp(0.0), math.frexp(-3.5), math.frexp(1e-310), math.frexp(math.inf))
print(math.ldexp(0.5, 4), math.ldexp(1.0, -1080), math.ldexp(3, 2), math.ldexp(-0.0, 5))
print(math.ldexp(1.0, -10**30), math.ldexp(math.inf, 3))
attempt(math.ldexp, 1.0, 1024)
attempt(math.ldexp, 1.0, 10**30)
attempt(math.ldexp, 1.0, 2.0)
print(math.modf(3.25), math.modf(-3.25), math.modf(math.inf), math.modf(-math.inf), math.modf(5))
print(math.remainder(10, 3), math.remainder(11, 3), math.remainder(-7.5, 2), math.remainder(5, math.inf))
attempt(math.remainder, 1, 0)
attempt(math.remainder, math.inf, 2)
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, 1.0), math.nextafter(2.0, 2.0))
print(math.ulp(1.0), math.ulp(1e100), math.ulp(0.0), math.ulp(-2.0), math.ulp(math.inf), math.ulp(1.7976931348623157e308))
print(math.copysign(3, -0.0), math.copysign(-2.5, 1), math.fmod(7, 3), math.fmod(-7, 3))
print(math.exp2(10), math.exp2(0.5), math.expm1(1e-10), math.expm1(0), math.log1p(1e-10), math.log1p(0))
print(math.cbrt(-8), math.cbrt(0.0), math.cbrt(1.0))  # glibc's cbrt(27) is 3.0000000000000004
print(math.asinh(0), math.acosh(1), math.atanh(0), math.atanh(0.5), math.asinh(1), math.acosh(2))
print(math.erf(0), math.erf(1), math.erfc(0), math.erfc(1), math.erf(-math.inf), math.erfc(math.inf))
print(math.gamma(1), math.gamma(5), math.gamma(0.5), math.gamma(10), math.lgamma(1), math.lgamma(2))
print(math.gamma(-0.5), math.lgamma(math.inf), math.gamma(math.inf))
attempt(math.gamma, 0)
attempt(math.gamma, -2)
attempt(math.gamma, 200)
attempt(math.gamma, -math.inf)
attempt(math.lgamma, -1)
attempt(math.lgamma, 0.0)
attempt(math.log1p, -1)
attempt(math.acosh, 0.5)
attempt(math.atanh, 1)
attempt(math.exp2, 2000)
attempt(math.expm1, 1000)
attempt(math.erf, 'x')
print(math.log2(8), math.log10(1000), math.log(8, 2), math.log(math.e))
print(math.isnan(math.log2(math.nan)), math.isnan(math.log10(math.nan)))
print(math.floor(2.5), math.ceil(2.5), math.trunc(-2.5), math.floor(-0.5), math.ceil(-0.5))


class F:
    def __floor__(self):
        return 'floor!'

    def __ceil__(self):
        return 'ceil!'

    def __float__(self):
        return 2.25


print(math.floor(F()), math.ceil(F()), math.sqrt(F()), math.hypot(F(), F()), math.fsum([F(), F()]))
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
