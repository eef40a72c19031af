# % formatting: rounding, precision and sign combinations.
for v in [0.5, 1.5, 2.5, -0.5, 0.125, 1 / 3, 2 / 3, 1e-4, 99999.99995]:
    print("%.0f|%.1f|%.2f|%+.3f|%8.4f|%-8.1f|%08.2f" % (v, v, v, v, v, v, v))
print("%d|%d|%d" % (-0.9, 0.9, -1.9), "%x|%o" % (3, 9))
print("% 5d|% -5d|%+05d|%-05d" % (1, 1, 1, 1))
