# chr, ord, hex, bin conversions.
for c in "Aa0 ~é€😀":
    print(repr(c), ord(c), hex(ord(c)), bin(ord(c)))
print(chr(97), chr(8364), chr(0x1F600), chr(10) == "\n", repr(chr(0)))
print("".join(chr(c) for c in range(65, 71)), [ord(c) - ord("a") for c in "abcz"])
print(hex(0), hex(-1), hex(4095), hex(2 ** 64), bin(0), bin(-10), bin(1023))
print(int(hex(255), 16), int(bin(37), 2), int(oct(64), 8))
