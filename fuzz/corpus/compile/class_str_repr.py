# __str__ and __repr__ used by print, str(), repr(), containers and formatting.
class Money:
    def __init__(self, amount, cur):
        self.amount = amount
        self.cur = cur
    def __repr__(self):
        return f"Money({self.amount!r}, {self.cur!r})"
    def __str__(self):
        return f"{self.amount:.2f} {self.cur}"
m = Money(3.5, "EUR")
print(m)
print(str(m), repr(m), [m], (m,), {"k": m})
print("%s | %r" % (m, m), "{} | {!r}".format(m, m), f"{m} | {m!r}")
class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"
o = OnlyRepr()
print(o, str(o), [o])
class OnlyStr:
    def __str__(self):
        return "only-str"
s = OnlyStr()
print(s, str(s), f"{s}")
