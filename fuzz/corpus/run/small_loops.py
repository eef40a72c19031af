def g(n):
    for i in range(n):
        yield i * i
class P:
    def __init__(self, x): self.x = x
    def __repr__(self): return f"P({self.x!r})"
    def __eq__(self, o): return isinstance(o, P) and o.x == self.x
    def __hash__(self): return hash(self.x)
d = {P(i): [j for j in g(i)] for i in range(5)}
try:
    print(sorted(d.items(), key=lambda kv: kv[0].x)[-1], "%5.2f|%-3s" % (1.5, 'a'))
    raise KeyError("k") from ValueError("v")
except LookupError as e:
    print(type(e).__name__, e.__cause__, "abc".center(9, '*').split('b'))
finally:
    print({1, 2} | {3}, b"xy".hex(), (1, 2) * 2, "-".join(map(str, range(3))))
