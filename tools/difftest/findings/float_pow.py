# difftest known divergence "float_pow_ulp": float ** uses libm's pow, which is not correctly
# rounded on every argument; CPython uses the C library's (correctly rounded on glibc).
print(pow(9.942394095374484e-22, 3))
print(9.942394095374484e-22 ** 3, 3 ** -2, 10 ** -3)
x = 5.045720008846974e-14 + 1.5
print(x ** 2, x * x)
