# Bitwise operators with negative and large integers (two's complement semantics).
vals = [0, 1, 6, 12, -1, -6, -12, 255, -256]
for a in vals:
    for b in [3, -3, 10]:
        print(a, b, a & b, a | b, a ^ b)
for a in vals:
    print(a, ~a, ~~a, -a - 1 == ~a)
big = 2 ** 70 + 5
print(big & 0xFF, big | 1, big ^ big, big & -big)
print(-big & 0xFFFF, -big | 0xF, -big ^ -1)
print((2 ** 100 - 1) & (2 ** 64), ~(2 ** 100))
print(0xF0F0 & 0x0FF0, 0xF0F0 | 0x0FF0, 0xF0F0 ^ 0x0FF0)
print(-(2 ** 65) & (2 ** 66 - 1))
print(True & False, True | False, True ^ True, ~True, ~False)
