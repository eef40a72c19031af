# !r and !s conversions with user objects and strings containing quotes.
class P:
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "p-str"
p = P()
print(f"{p} {p!r} {p!s}", "{} {!r} {!s}".format(p, p, p), "%s %r" % (p, p))
for s in ["plain", "it's", 'quote"d', "tab\t", "é"]:
    print(f"{s!r:>14}|", "%-12r|" % s)
print(f"{[p, 'x']}", f"{(p,)!r}", f"{ {'k': p} }")
