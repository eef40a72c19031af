# Found by tools/difftest: math.exp/sinh/cosh/pow raise OverflowError when a finite argument
# overflows (CPython's math_1 and math_pow), and math.pow's domain errors.
import math
for f in [lambda: math.exp(1000), lambda: math.exp(-1000), lambda: math.pow(10.0, 400), lambda: math.sqrt(-1.0),
          lambda: math.log(-1), lambda: math.log(0.0), lambda: math.sin(float('inf')), lambda: math.atan(float('inf')),
          lambda: math.floor(float('nan')), lambda: math.ceil(float('inf')), lambda: math.trunc(2.5),
          lambda: math.fabs(-0.0), lambda: math.copysign(1.0, -0.0), lambda: math.exp(710), lambda: math.exp(709),
          lambda: math.sqrt(10 ** 400), lambda: math.floor(-2.5), lambda: math.exp(float('nan')),
          lambda: math.exp(float('inf')), lambda: math.log(float('inf')), lambda: math.sqrt(float('inf'))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
for a, b in [(10.0, 400), (0.0, -1), (-8.0, 1/3), (2.0, 0.5), (float('inf'), 2), (-1.0, float('inf')), (0.0, 0), (1e-300, -2)]:
    try:
        print(math.pow(a, b))
    except Exception as e:
        print(type(e).__name__, e)
for v in [800, -800]:
    for f in (math.cosh, math.sinh):
        try:
            print(f(v))
        except OverflowError as e:
            print('OverflowError', e)
