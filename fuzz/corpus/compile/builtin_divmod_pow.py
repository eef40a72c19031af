# divmod and pow (2 and 3 argument).
for a in [7, -7, 0, 10 ** 20]:
    for b in [3, -3]:
        print(a, b, divmod(a, b))
print(divmod(7.5, 2), divmod(-7.5, 2))
print(pow(2, 8), pow(2, -1), pow(-8, 3), pow(2.0, 3), pow(9, 0.5))
print(pow(2, 100, 97), pow(3, 0, 5), pow(-3, 3, 7), pow(12345, 678, 1000))
print(pow(7, 2, -5), pow(10 ** 20, 10 ** 20, 12345))
