# __call__ and __bool__ / __len__ truthiness.
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, y=0):
        return x + self.n + y
add3 = Adder(3)
print(add3(1), add3(1, y=100), callable(add3), list(map(add3, [1, 2])))
class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        print("bool called")
        return self.on
print(bool(Flag(True)), bool(Flag(False)))
if Flag(False):
    print("no")
else:
    print("falsy flag")
print(Flag(True) and "ok", not Flag(False))
class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(bool(Sized(0)), bool(Sized(2)), "yes" if Sized(1) else "no")
class Plain:
    pass
print(bool(Plain()))
while Flag(False):
    pass
print(len([x for x in [Sized(0), Sized(1), Sized(2)] if x]))
