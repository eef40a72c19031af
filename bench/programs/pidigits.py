# Digits of pi from Gibbons' unbounded spigot (linear fractional transformations on
# big integers), written for Frostbyte's benchmarks. The digits are printed in lines of
# 50 with a running digit sum.
# Stresses: big-integer multiply, add, floor division by big integers, small-int compares.

DIGITS = 2000


def pi_digits(count):
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    produced = 0
    while produced < count:
        if 4 * q + r - t < n * t:
            yield n
            produced += 1
            q, r, n = 10 * q, 10 * (r - n * t), (10 * (3 * q + r)) // t - 10 * n
        else:
            q, r, t, k, n, l = q * k, (2 * q + r) * l, t * l, k + 1, (q * (7 * k + 2) + r * l) // (t * l), l + 2


line = []
digit_sum = 0
for i, d in enumerate(pi_digits(DIGITS)):
    line.append(str(d))
    digit_sum += d
    if len(line) == 50:
        print("".join(line), i + 1)
        line = []
if line:
    print("".join(line), DIGITS)
print("digit sum", digit_sum)
