# __str__/__repr__ interplay with format() and nested containers.
class Tag:
    def __init__(self, n):
        self.n = n
    def __str__(self):
        return "<" + self.n + ">"
    def __repr__(self):
        return "Tag(" + repr(self.n) + ")"
t = Tag("b")
print(t, [t], {t.n: t}, (t, t))
print(f"{t}", f"{t!r}", f"{t!s:>8}", "%s %r" % (t, t), "{0!r:>12}|".format(t))
print(str([Tag("x")]), repr(Tag("y")), "-".join(str(Tag(c)) for c in "ab"))
