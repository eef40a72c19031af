# bytes literals, indexing, slicing and comparisons.
b = b"hello"
print(b, len(b), b[0], b[-1], b[1:3], b[::-1], b[::2])
print(type(b[0]).__name__, type(b[0:1]).__name__)
print(b + b" world", b * 2, b"" * 5, b == b"hello", b < b"help")
print(b"ell" in b, 104 in b, 120 in b)
print(list(b), tuple(b"ab"), bytes([65, 66, 67]), bytes(3), bytes())
print(repr(b"\x00\x01\xff"), repr(b"it's"), repr(b'"q"'), repr(b"\n\t\\"))
print(bytes(range(65, 75)), b"abc" + bytes([0]))
for x in b"AZ":
    print(x, chr(x))
print(hash(b"x") == hash(b"x"), {b"k": 1}[b"k"])
print(sorted([b"b", b"a", b"ab", b""]), max(b"xyz"), min(b"xyz"), sum(b"\x01\x02"))
