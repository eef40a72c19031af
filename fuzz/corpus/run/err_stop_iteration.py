# StopIteration raised by next() on exhausted iterators.
for it in [iter([]), iter(""), iter(range(0)), iter({}), (x for x in [])]:
    try:
        next(it)
    except StopIteration as e:
        print(type(e).__name__, repr(e), e.args)
class Manual:
    def __next__(self):
        raise StopIteration("custom value")
try:
    next(Manual())
except StopIteration as e:
    print(e, e.value)
