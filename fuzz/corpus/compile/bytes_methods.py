# bytes methods that mirror the str methods of the subset.
print(b"a,b,c".split(b","), b"  pad  ".strip(), b"-".join([b"x", b"y"]))
print(b"abcabc".replace(b"b", b"B"), b"abc".find(b"c"), b"abc".startswith(b"ab"))
print(b"MiXed".upper(), b"MiXed".lower(), b"hello".endswith((b"lo", b"x")))
