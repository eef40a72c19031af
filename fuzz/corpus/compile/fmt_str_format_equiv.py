# str.format equivalents of f-string specs.
n, x, s = 1234567, 3.14159, "txt"
print("{:,} {:_} {:x} {:#b} {:08d} {:+d}".format(n, n, n, 5, 42, 7))
print("{:.2f} {:10.3f}| {:e} {:g} {:.1%}".format(x, x, x, x, 0.5))
print("{:>6}|{:<6}|{:^7}|{:*>6}|{!r}".format(s, s, s, s, s))
print("{0:{1}.{2}f}|".format(x, 9, 3), "{:{}}|".format("w", 4), "{0}{0}{1}".format("ab", "c"))
print("{a[0]}-{a[1]} {b[key]}".format(a=(1, 2), b={"key": "val"}))
print("{:d}".format(True), "{}".format(True), "{:}".format(1.0))
print(format(255, "x"), format(3.14159, ".3f"), format("s", ">3"), format(1234, ","), format(42))
