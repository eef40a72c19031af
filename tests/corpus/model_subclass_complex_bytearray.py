class C(complex):
    unit = "V"
    def __new__(cls, re, im=0.0, tag="x"):
        obj = super().__new__(cls, re, im)
        obj.tag = tag
        return obj
    def __repr__(self):
        return f"C({self.real}, {self.imag}, {self.tag!r})"
c = C(1, 2, tag="t")
print(repr(c), str(c), c.tag, c.unit, c.real, c.imag, c.conjugate(), type(c.conjugate()).__name__)
print(type(c + 1).__name__, type(-c).__name__, c == complex(1, 2), hash(c) == hash(complex(1, 2)))
print(abs(C(3, 4)), C(3, 4) * 2, isinstance(c, complex), issubclass(C, complex))
d = {c: 1}
print(d[complex(1, 2)])

class B(bytearray):
    def __init__(self, data=b"", note=""):
        super().__init__(data)
        self.note = note
    def hexes(self):
        return self.hex()
b = B(b"abc", note="n")
b += b"de"
b.extend(b"f")
b[0] = 65
print(repr(b), b.note, b.hexes(), type(b).__name__, len(b))
print(type(b[1:3]).__name__, b[1:3], type(b + b"x").__name__, type(b.upper()).__name__)
print(b == bytearray(b"Abcdef"), b"bc" in b, b.find(b"d"), list(b)[:2])
del b[0]
b.insert(0, 90)
print(b, b.pop(), b)
m = memoryview(b)
print(bytes(m[:2]))
m.release()
class E(B):
    pass
e = E(b"xy")
print(repr(e), e.note)
try:
    hash(b)
except TypeError as ex:
    print(ex)
print(vars(b), vars(c))
