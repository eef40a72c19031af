# bytes vs str: they never compare equal; conversions via code points.
print(b"a" == "a", b"a" != "a", str(b"abc"), repr(b"abc"))
s = "héllo"
codes = [ord(c) for c in s]
print(codes)
b = bytes(c for c in codes if c < 128)
print(b, len(b))
print("".join(chr(x) for x in b"Hi!"))
print(bytes([x ^ 0x20 for x in b"hello"]))
print([hex(x) for x in b"\x10\x7f\x80"])
print(bool(b""), bool(b"\x00"), b"" == bytes(0))
print(list(reversed(b"abc")), list(enumerate(b"ab")))
