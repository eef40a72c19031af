# Digits of pi by Gibbons' unbounded spigot (the benchmarks game's pidigits), then
# big-by-big products, quotients and decimal conversion.
# Stresses: big-int multiply by small and big ints, big // big, divmod, str(int), int(str).
NDIGITS = 4000
BIG_ROUNDS = 100


def pidigits(n):
    # The benchmarks game's pidigits loop (Gibbons' spigot on four big ints).
    i = k = ns = 0
    k1 = 1
    num, acc, den = 1, 0, 1
    total = 0
    while True:
        k += 1
        t = num << 1
        num *= k
        acc += t
        k1 += 2
        acc *= k1
        den *= k1
        if acc >= num:
            t, u = divmod(num * 3 + acc, den)
            u += num
            if den > u:
                ns = ns * 10 + t
                total += t
                i += 1
                if i % 10 == 0:
                    print('%010d\t:%d' % (ns, i))
                    ns = 0
                if i >= n:
                    break
                acc -= den * t
                acc *= 10
                num *= 10
    return total


def big_ops(rounds):
    # Operands of a few hundred to a few thousand bits, both signs.
    a = 3 ** 2000 + 12345
    b = 7 ** 700 - 1
    total = 0
    for i in range(rounds):
        x = a * (b + i)
        y = -x // (b - i)
        z, m = divmod(x + i, -b)
        s = str(y)
        total += len(s) + int(s[-20:]) + (m % 1000003) + (z & 0xFFFF)
        a, b = (a * 31 + b) % (10 ** 1100), b + (a >> 2000)
    return total


print('sum', pidigits(NDIGITS))
print('big', big_ops(BIG_ROUNDS))
