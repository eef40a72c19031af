# repr vs str for builtin values.
vals = [1, -1.5, "text", "it's", 'a"b', "", None, True, [1, "a"], ("t",), {"k": "v"},
        b"by", 1e100, float("nan"), range(0, 5, 2), [[], {}], (), {1, 2}]
for v in vals:
    print(str(v), "|", repr(v))
print(repr(repr("x")), repr(str(1)), str(repr(1)))
