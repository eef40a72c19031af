# Dunder methods of built-in types, called explicitly, agree with the operations behind
# them: bound ((3).__add__), unbound (int.__add__), through super() in subclasses, with
# NotImplemented where CPython returns it and its TypeErrors for bad calls.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


# repr / str / hash / format
show("float repr", lambda: (0.1).__repr__())
show("float.__repr__", lambda: float.__repr__(0.1))
show("int repr", lambda: (12345678901234567890).__repr__())
show("str repr", lambda: "x'y".__repr__())
show("str str", lambda: "x".__str__())
show("int str", lambda: (7).__str__())
show("list repr", lambda: [1, "a"].__repr__())
show("None repr", lambda: None.__repr__())
show("range repr", lambda: range(3).__repr__())
show("int hash", lambda: (3).__hash__())
show("big hash", lambda: (2 ** 80).__hash__() == hash(2 ** 80))
show("neg one hash", lambda: (-1).__hash__())
show("float hash", lambda: (1.5).__hash__())
show("str hash", lambda: str.__hash__("a") == hash("a"))
show("tuple hash", lambda: (1, 2).__hash__() == hash((1, 2)))
show("None hash", lambda: None.__hash__() == hash(None))
show("list hash", lambda: [].__hash__)
show("dict hash", lambda: dict.__hash__)
show("int format", lambda: (5).__format__("04d"))
show("float format", lambda: (2.5).__format__(".3f"))
show("str format", lambda: "ab".__format__(">4"))
show("int format empty", lambda: (5).__format__(""))

# comparisons
show("int lt", lambda: (5).__lt__(6))
show("int ge", lambda: (3).__ge__(2))
show("int lt str", lambda: (5).__lt__("a"))
show("int eq float", lambda: (5).__eq__(5.0))
show("float eq int", lambda: (5.0).__eq__(5))
show("int ne", lambda: (5).__ne__(5))
show("object eq", lambda: object.__eq__(1, 1))
show("object eq other", lambda: object.__eq__(1, 2))
show("object lt", lambda: object.__lt__(1, 2))
show("list eq", lambda: [].__eq__([]))
show("list lt", lambda: [].__lt__([1]))
show("str eq int", lambda: "a".__eq__(1))
show("tuple le", lambda: (1, 2).__le__((1, 3)))

# arithmetic, reflected, unary
show("int add", lambda: (3).__add__(4))
show("int.__add__", lambda: int.__add__(3, 4))
show("int add float", lambda: (3).__add__(4.0))
show("int radd", lambda: (3).__radd__(4))
show("int rsub", lambda: (2).__rsub__(3))
show("int pow", lambda: (2).__pow__(3))
show("int rpow", lambda: (2).__rpow__(3))
show("int truediv", lambda: (2).__truediv__(3))
show("int mod zero", lambda: (1).__mod__(0))
show("float floordiv", lambda: (2.0).__floordiv__(3))
show("float radd", lambda: (5.0).__radd__(1))
show("int radd float", lambda: (5).__radd__(1.0))
show("int sub bool", lambda: (5).__sub__(True))
show("bool and", lambda: True.__and__(False))
show("int lshift", lambda: (1).__lshift__(70))
show("str add int", lambda: "a".__add__(1))
show("str add", lambda: "a".__add__("b"))
show("str mul", lambda: "a".__mul__(3))
show("str rmul", lambda: "a".__rmul__(3))
show("str mul str", lambda: "a".__mul__("b"))
show("int mul str", lambda: (3).__mul__("a"))
show("int rmul str", lambda: (3).__rmul__("a"))
show("str mod", lambda: "%s!".__mod__(1))
show("list add", lambda: [1].__add__([2]))
show("list add int", lambda: [1].__add__(5))
show("list mul", lambda: [1].__mul__(2))
show("list rmul", lambda: [1].__rmul__(2))
show("tuple add", lambda: (1,).__add__((2,)))
show("set or", lambda: {1}.__or__({2}))
show("set or list", lambda: {1}.__or__([2]))
show("int neg", lambda: (5).__neg__())
show("int pos", lambda: (1).__pos__())
show("int invert", lambda: (1).__invert__())
show("float neg", lambda: (2.5).__neg__())
show("int abs", lambda: (-5).__abs__())
show("big abs", lambda: (-(2 ** 70)).__abs__())
show("float abs", lambda: (-2.5).__abs__())
show("bool abs", lambda: True.__abs__())
show("int bool", lambda: (5).__bool__())
show("zero bool", lambda: (0).__bool__())
show("float int", lambda: (5.5).__int__())
show("float int neg", lambda: (-5.5).__int__())
show("int float", lambda: (5).__float__())
show("int index", lambda: (5).__index__())
show("bool index", lambda: True.__index__())
show("bool int", lambda: False.__int__())

# containers
show("str len", lambda: "ab".__len__())
show("list.__len__", lambda: list.__len__([1]))
show("range len", lambda: range(3).__len__())
show("str getitem", lambda: "ab".__getitem__(1))
show("bytes getitem", lambda: b"ab".__getitem__(0))
show("list getitem slice", lambda: [1, 2, 3].__getitem__(slice(1, None)))
show("str contains", lambda: "ab".__contains__("a"))
show("list contains", lambda: [1].__contains__(1))
show("dict getitem missing", lambda: {}.__getitem__(5))
d = {}
d.__setitem__(1, 2)
print("setitem", d)
d.__delitem__(1)
print("delitem", d)
show("delitem missing", lambda: d.__delitem__(1))
lst = [1, 2, 3]
lst.__setitem__(0, 9)
lst.__delitem__(-1)
print("list set/del", lst)
show("list iadd", lambda: lst.__iadd__([4]))
show("list iter next", lambda: [1, 2].__iter__().__next__())
show("str iter next", lambda: "ab".__iter__().__next__())
show("range iter next", lambda: range(3).__iter__().__next__())
show("exhausted next", lambda: iter([]).__next__())
show("iter of iter", lambda: (lambda it: it.__iter__() is it)(iter([1])))

# what is and is not there
show("hasattr int len", lambda: hasattr(5, "__len__"))
show("hasattr list len", lambda: hasattr([], "__len__"))
show("hasattr list bool", lambda: hasattr([], "__bool__"))
show("hasattr str bool", lambda: hasattr("", "__bool__"))
show("hasattr int iadd", lambda: hasattr(5, "__iadd__"))
show("hasattr list iadd", lambda: hasattr([], "__iadd__"))
show("hasattr str radd", lambda: hasattr("", "__radd__"))
show("hasattr int next", lambda: hasattr(5, "__next__"))
show("str radd", lambda: "a".__radd__("b"))
show("type names", lambda: (type(int.__add__).__name__, type((1).__add__).__name__))
show("wrapper repr", lambda: repr(int.__add__))
show("list len repr", lambda: repr(list.__len__))
show("wrapper name", lambda: ((1).__add__.__name__, int.__add__.__qualname__))
show("wrapper self", lambda: (7).__add__.__self__)
show("objclass", lambda: int.__add__.__objclass__)
show("same answer", lambda: sorted([3, 1, 2], key=(10).__rsub__))
show("map with wrapper", lambda: list(map((2).__mul__, [1, 2, 3])))

# bad calls
show("no args", lambda: (3).__add__())
show("too many", lambda: (3).__add__(1, 2))
show("repr arg", lambda: (3).__repr__(1))
show("keyword", lambda: (3).__add__(x=1))
show("unbound no self", lambda: int.__add__())
show("wrong self", lambda: int.__add__("a", 3))
show("float repr of int", lambda: float.__repr__(5))
show("setitem arity", lambda: [].__setitem__(0))
show("len arity", lambda: [].__len__(1, 2))


# subclasses of built-in containers reach the base's slot through super() or the class
class L(list):
    def __len__(self):
        return super().__len__() * 10

    def __getitem__(self, i):
        return list.__getitem__(self, i) + 100

    def __repr__(self):
        return "L" + super().__repr__()


class D(dict):
    def __getitem__(self, k):
        return super().__getitem__(k.lower())

    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)

    def __contains__(self, k):
        return super().__contains__(k.lower())


l = L([1, 2])
print(len(l), l[0], repr(l), l.__len__(), list.__len__(l))
dd = D()
dd["A"] = 1
print(dd["a"], dd["A"], "A" in dd, dd)


class Money:
    def __init__(self, n):
        self.n = n

    def __format__(self, spec):
        return "$" + self.n.__format__(spec) if spec else "$" + object.__format__(self, "")

    def __str__(self):
        return str(self.n)


print(f"{Money(5):>4}", format(Money(7)), "{:03d}".format(Money(2)))
show("object format spec", lambda: object().__format__("x"))
show("object format int", lambda: object.__format__(5, ">4"))
show("object format empty", lambda: object.__format__(5, ""))
show("format non-str", lambda: (5).__format__(1))
