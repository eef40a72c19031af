# iter and next with defaults across iterable kinds.
for src in [[1, 2], (3,), "ab", {"k": 1, "j": 2}, range(2), b"z", {7}]:
    it = iter(src)
    out = []
    while True:
        v = next(it, None)
        if v is None:
            break
        out.append(v)
    print(type(src).__name__, out)
it = iter([1, 2, 3])
print(iter(it) is it, next(it), list(it), list(it))
d = {"a": 1, "b": 2}
it = iter(d.items())
print(next(it), next(it), next(it, "end"))
print(next(iter(""), "empty-string default"))
