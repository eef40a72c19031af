# Three-argument pow() with big ints: modular exponentiation, negative moduli and
# exponents (modular inverse), and the errors.
print(pow(2, 100, 10**9 + 7), pow(3, 10**20, 10**9 + 7), pow(2, 10**30, 97))
p = 2**127 - 1
print(pow(5, p - 1, p), pow(123456789, p - 2, p) * 123456789 % p)
print(pow(2**200 + 12345, 65537, 2**256 - 189))
print(pow(-7, 3, 10**20 + 39), pow(7, 3, -(10**20 + 39)), pow(-2**70, 5, -(2**65 + 13)))
print(pow(10**30, 0, 7), pow(10**30, 0, 1), pow(0, 10**25, 2**70), pow(5, 3, 1))
# Negative exponents use the modular inverse.
print(pow(3, -1, 10**20 + 39), pow(38, -1, 97), pow(2**80 + 1, -3, 2**89 - 1))
print(pow(-3, -1, 11), pow(3, -2, -11))
# RSA round trip with 3-digit primes ... and with big ones.
n, e, d = 3233, 17, 2753
print(pow(pow(65, e, n), d, n))
P, Q = 2**89 - 1, 2**107 - 1
N, PHI = P * Q, (P - 1) * (Q - 1)
E = 65537
D = pow(E, -1, PHI)
msg = 1234567890123456789012345678901234567890
print(pow(pow(msg, E, N), D, N) == msg, E * D % PHI)
print(pow(True, 5, 3), pow(2, True, 3), pow(7, 2, True))
for args in [(2, 3, 0), (2, -1, 4), (2.0, 3, 5), (2, 3, 5.0), (2**70, -1, 2**64)]:
    try:
        print(pow(*args))
    except (ValueError, TypeError) as ex:
        print(type(ex).__name__ + ":", ex)
