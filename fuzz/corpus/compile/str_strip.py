# strip, lstrip, rstrip with and without arguments.
s = "  \t hello world \n  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr("xxhixx".strip("x")), repr("xxhixx".lstrip("x")), repr("xxhixx".rstrip("x")))
print(repr("abcHELLOcba".strip("abc")), repr("123abc321".strip("0123456789")))
print(repr("".strip()), repr("   ".strip()), repr("a".strip("a")))
print(repr("..a.b..".strip(".")), repr("héé".rstrip("é")))
print(repr("hello".strip("")), repr("hello".strip("xyz")))
print(repr("\u3000wide\u3000".strip()))
