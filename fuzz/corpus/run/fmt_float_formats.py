# %-style and format() float formatting across magnitudes.
for v in [0.0, 1.0, -1.5, 0.1, 123.456, 1e-7, 1.5e-5, 123456789.0, 1e16, 1e22, 2.5, 0.5]:
    print("%f|%.3f|%e|%g|%.3g|%s|%r" % (v, v, v, v, v, v, v), format(v, ".4g"), format(v, "10.2e"))
