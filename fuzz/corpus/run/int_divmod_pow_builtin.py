# divmod, pow and abs on ints.
for a, b in [(17, 5), (-17, 5), (17, -5), (-17, -5), (10 ** 20, 7), (0, 9)]:
    print(divmod(a, b))
print(abs(-5), abs(5), abs(0), abs(-(10 ** 30)))
print(pow(2, 10), pow(-2, 3), pow(2, 0), pow(10, 20))
print(pow(3, 4, 5), pow(7, 123, 100), pow(10 ** 20, 3, 97))
print(round(17), round(-17), round(1234, -2), round(1250, -2), round(1350, -2))
print(round(-1250, -2), round(15, -1), round(25, -1), round(5, -1))
print(round(123456789, -4), round(7, 3))
