# Rich comparison dunders and reflected comparisons.
class W:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == (o.v if isinstance(o, W) else o)
    def __lt__(self, o):
        return self.v < (o.v if isinstance(o, W) else o)
    def __le__(self, o):
        return self.v <= (o.v if isinstance(o, W) else o)
    def __gt__(self, o):
        return self.v > (o.v if isinstance(o, W) else o)
    def __ge__(self, o):
        return self.v >= (o.v if isinstance(o, W) else o)
    def __repr__(self):
        return f"W{self.v}"
a, b = W(1), W(2)
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
print(a < 5, 5 > a, 0 < a, a == 1, 1 == a, a != 1)
print(sorted([W(3), W(1), W(2)]), max(W(5), W(9)), min([W(4), W(0)]))
print(W(1) < W(2) < W(3), W(1) in [W(0), W(1)], [W(2)].count(W(2)))
