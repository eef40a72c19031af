# f-string format specs for integers.
n = 1234567
print(f"{n}|{n:d}|{n:10}|{n:<10}|{n:^11}|{n:>10}|")
print(f"{n:,}|{n:_}|{n:15,}|{-n:,}|{n:+,}")
print(f"{n:x}|{n:X}|{n:o}|{n:b}|{n:#x}|{n:#X}|{n:#o}|{n:#b}")
print(f"{255:08b}|{255:#010b}|{255:_b}|{0xdeadbeef:_x}|{255:#_x}")
print(f"{42:05}|{-42:05}|{42:+05}|{42: d}|{-42: d}|{42:=+6}|{-42:=6}")
print(f"{7:*^9}|{7:0>4}|{7:x<4}|{-7:0<4}")
print(f"{10 ** 20:,}|{-(10 ** 20):_}|{2 ** 70:x}")
print(f"{0:b}|{0:#x}|{0:,}|{True:d}|{False}")
print(f"{n:e}|{n:.2e}|{n:f}|{n:.1f}|{n:g}|{n:%}")
print(f"{65:c}{97:c}")
