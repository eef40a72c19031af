# Negative zero behaviour.
z = -0.0
print(z, repr(z), str(z), 0.0, -0.0 == 0.0)
print(-0.0 + 0.0, 0.0 - 0.0, -0.0 - 0.0, -0.0 * 1, 0.0 * -1)
print(-(0.0), abs(-0.0), float('-0'), float('-0.0'))
print(round(-0.4), round(-0.4, 1), round(-0.04, 1))
print(-1e-320 * 1e-10, 1 / float('-inf'))
print(0.0 == -0.0, -0.0 < 0.0, [-0.0, 0.0])
print(int(-0.0), -0.0 // 1, -0.0 % 1, divmod(-0.0, 1))
print(-1.0 % 1.0, -2.5 % 0.5)
print("%f %g %e" % (-0.0, -0.0, -0.0))
print(f"{-0.0:.2f} {-0.0} {-0.0:+}")
print(max(-0.0, 0.0), min(0.0, -0.0))
