# Float floor division, modulo and divmod with signs.
for a in [7.5, -7.5, 0.0, 3.0]:
    for b in [2.0, -2.0, 0.75]:
        print(a, b, a // b, a % b)
print(5 % 0.1, 1.0 % 0.1, 0.3 % 0.1)
print(1e20 % 3.0, -1e-20 % 1.0, 1e-20 % -1.0)
print(divmod(10.0, 3), divmod(-10.0, 3), divmod(10, -3.0))
print(7.0 // 0.5, 7 // 0.3)
