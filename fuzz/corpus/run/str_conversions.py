# str() of many object kinds.
print(str(1), str(1.5), str(-0.0), str(None), str(True), str("s"))
print(str([1, "a", None]), str((1, "a")), str({1: "a"}), str(set()), str({1}))
print(str(b"bytes"), str(range(3)), str(range(1, 10, 2)), str(slice(1, 2)))
print(str(()), str((1,)), str([]), str({}), str(frozenset()))
print(str([[], [[]]]), str([(), ((),)]))
print(str(10 ** 20), str(2.5e-8), str(float("inf")))
print(repr("1") + str(1), len(str(12345)))
print(str(str), str(int), repr(type(1.5)), str(len))
