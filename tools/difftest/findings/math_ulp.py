# difftest known divergence "math_ulp": math.cosh/exp/sin/log... come from libm and differ from
# CPython's C library in the last bit on some arguments.
import math
print(math.cosh(1), math.sinh(-1))
