# In-place dunders: __iadd__ mutates, fallback to __add__ rebinds.
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, other):
        self.items.append(other)
        return self
class Imm:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return Imm(self.v + o)
a = Acc()
alias = a
a += 1
a += "two"
print(a.items, a is alias)
i = Imm(1)
alias2 = i
i += 5
print(i.v, alias2.v, i is alias2)
