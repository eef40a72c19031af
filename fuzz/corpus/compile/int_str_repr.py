# str/repr of ints and conversions to text.
for n in [0, 7, -7, 10 ** 20, -10 ** 20, 2 ** 64]:
    print(str(n), repr(n), len(str(n)))
print(hex(255), hex(-255), hex(0), hex(2 ** 70))
print(oct(8), oct(-8), oct(0))
print(bin(5), bin(-5), bin(0), bin(2 ** 20))
print(str(True), str(False), repr(None))
print(int(str(12345)) + 1)
print("%d" % 123, "%d" % -123, "%d" % (10 ** 25))
print(f"{12345678901234567890}")
print(str(-0), str(+0))
print([str(i) for i in range(-3, 4)])
