# difftest finding 1-1 (value); minimised from gen.generate('1', 1, known=False)
def show(f):
    try:
        r = f()
    except Exception as e:
        pass
    else:
        print(r)
iv1 = 1
iv2 = 12

class A13:

    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return 'A13(%r)' % self.v

    def __add__(self, o):
        return A13(self.v + (o.v if isinstance(o, A13) else o))

    def __radd__(self, o):
        return A13(o + self.v)

class B14(A13):
    pass
o15 = A13(iv2)
o16 = B14(iv1)
show(lambda: o15 + o16)
