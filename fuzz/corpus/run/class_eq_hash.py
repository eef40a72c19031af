# __eq__ and __hash__ for value objects used as dict keys and in sets.
class Key:
    def __init__(self, a, b):
        self.a = a
        self.b = b
    def __eq__(self, other):
        return isinstance(other, Key) and (self.a, self.b) == (other.a, other.b)
    def __hash__(self):
        return hash((self.a, self.b))
    def __repr__(self):
        return f"Key({self.a}, {self.b})"
d = {Key(1, 2): "first"}
d[Key(1, 2)] = "replaced"
d[Key(2, 1)] = "other"
print(d, len(d), d[Key(2, 1)])
s = {Key(0, 0), Key(0, 0), Key(0, 1)}
print(len(s), Key(0, 1) in s, Key(5, 5) in s)
print(Key(1, 1) == Key(1, 1), Key(1, 1) != Key(1, 2), Key(1, 1) == (1, 1))
class NoEq:
    pass
x = NoEq()
y = NoEq()
print(x == x, x == y, x != y, {x: 1}[x])
class EqOnly:
    def __eq__(self, other):
        return True
print(EqOnly() == 5, EqOnly.__hash__ is None)
