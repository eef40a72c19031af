# TypeError for wrong argument counts and bad keywords.
def two(a, b):
    return a + b
def kwo(a, *, b):
    return a
noarg = lambda: 0
class C:
    def m(self, x):
        return x
calls = [
    lambda: two(1),
    lambda: two(1, 2, 3),
    lambda: two(),
    lambda: two(1, 2, c=3),
    lambda: two(1, a=1),
    lambda: kwo(1),
    lambda: kwo(1, 2),
    lambda: C().m(),
    lambda: C().m(1, 2),
    lambda: noarg(1),
]
for fn in calls:
    try:
        fn()
    except TypeError as e:
        print("TypeError:", e)
