# Assorted float string conversion forms.
vals = [0.1, 2.5, 100.0, 1e-7, 123456789.123, 1e100, -3.75]
for v in vals:
    print(str(v), "%s" % v, "%r" % v, "{}".format(v), f"{v}", [v])
print(str(1.0e0), str(10.0), str(1e1), str(0.5e1))
print(3 * 1.1, 1.1 + 2.2, 3.3 - 1.1, 1.2 - 1.0)
print(1 / 10, 3 / 10, 7 / 10, 9 / 10)
print(100 * 1.1, 0.57 * 100, 4.35 * 100)
