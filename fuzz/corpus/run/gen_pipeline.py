# Chained generators forming a pipeline.
def numbers(n):
    for i in range(n):
        yield i
def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x
def squared(it):
    for x in it:
        yield x * x
def tagged(it):
    for i, x in enumerate(it):
        yield f"#{i}={x}"
print(list(tagged(squared(evens(numbers(12))))))
def chunks(seq, size):
    buf = []
    for x in seq:
        buf.append(x)
        if len(buf) == size:
            yield buf
            buf = []
    if buf:
        yield buf
print(list(chunks(range(10), 3)), list(chunks([], 2)))
def flatten(lists):
    for l in lists:
        for x in l:
            yield x
print(list(flatten([[1, 2], [], [3]])))
