# list, dict and set have their own __init__ (reached through super() or the class), so a
# subclass that overrides __init__ and calls the base one gets its items; a frozenset
# subclass is filled by construction whatever its __init__ does.
class L(list):
    def __init__(self, x):
        super().__init__(x)
print(L([1, 2]), L("ab"))
class D(dict):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
print(D(a=1), D([(1, 2)]), D({3: 4}, b=2))
class L2(list):
    def __init__(self):
        list.__init__(self, [5])
print(L2())
l = [1, 2]
l.__init__([3])
print(l)
d = {1: 2}
d.__init__({3: 4})
print(d)
s = {1}
s.__init__([2])
print(s)
class S(set):
    def __init__(self, it, extra):
        super().__init__(it)
        self.add(extra)
print(sorted(S([1, 2], 9)))
class F(frozenset):
    def __init__(self, it):
        pass
print(sorted(F([3, 4])))
class L3(list):
    def __init__(self, *a):
        pass
print(L3([1, 2]))
for f in [lambda: [].__init__(1, 2), lambda: set().__init__(1, 2), lambda: {}.__init__(1, 2), lambda: [].__init__(x=1), lambda: [].__init__(5)]:
    try:
        f()
    except TypeError as e:
        print(e)
