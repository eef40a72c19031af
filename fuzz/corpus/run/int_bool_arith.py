# bool is a subclass of int.
print(True + True, True * 10, False * 10, True - False)
print(True / 2, True // 2, -True, ~False)
print(sum([True, True, False, True]))
print(isinstance(True, int), isinstance(1, bool), type(True) is bool)
print(True == 1, hash(True) == hash(1), False == 0)
d = {1: "one", True: "true?", 0: "zero"}
print(d)
print(int(True), float(True), str(True), repr(False))
print(True and 3, False or 4, not 5, not 0)
print(True & True, True | False, True ^ True)
print(bool(0), bool(1), bool(-1), bool(10 ** 30), bool(0.0), bool(-0.0))
print([x for x in range(6) if x % 2 == True])
