# callable() on many objects.
class WithCall:
    def __call__(self):
        return 1
class Without:
    pass
def f():
    pass
for obj in [f, lambda: 0, WithCall(), Without(), WithCall, len, print, int, 1, "s", None, [].append]:
    print(callable(obj))
