# repr of strings picks quotes and escapes characters.
tests = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline",
         "back\\slash", "\x00\x01\x7f", "\r", "é", "\u200b", "\x80\xff", "😀", ""]
for t in tests:
    print(repr(t))
print([ "a'b", 'c"d' ])
print(("x",), {"k": "v'"})
print(repr(repr("a")), str(repr("a")))
print("%r" % "q'q", "{!r}".format("tab\t"), f"{'x'!r}")
