# Floor division and modulo follow Python semantics (round toward -inf).
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (0, -3),
         (6, 3), (-6, 3), (6, -3), (1, 10), (-1, 10), (1, -10), (-1, -10)]
for a, b in pairs:
    q = a // b
    r = a % b
    print(a, b, q, r, q * b + r == a, divmod(a, b))
big = 10 ** 30 + 7
print(big // 3, big % 3)
print(-big // 3, -big % 3)
print(big // -3, big % -3)
print(-big // -3, -big % -3)
print((-10 ** 20) // 7, (-10 ** 20) % 7)
print(divmod(-10 ** 25, 10 ** 12 + 1))
print(divmod(10 ** 25, -(10 ** 12 + 1)))
for n in range(-5, 6):
    print(n, n // 4, n % 4, n // -4, n % -4)
