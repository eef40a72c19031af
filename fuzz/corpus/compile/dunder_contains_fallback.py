# 'in' uses __contains__ if present, otherwise __iter__, otherwise __getitem__.
class WithContains:
    def __contains__(self, x):
        print("contains", x)
        return x == 1
class WithIter:
    def __iter__(self):
        print("iter")
        return iter([1, 2, 3])
class WithGetitem:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return i
print(1 in WithContains(), 2 in WithContains(), 3 not in WithContains())
print(2 in WithIter(), 9 in WithIter())
print(2 in WithGetitem(), 5 in WithGetitem(), list(WithGetitem()))
