# Passing generator expressions and iterators as arguments.
print(sum(x * x for x in range(10)))
print(max(len(w) for w in "a bb ccc".split()))
print(sorted((c for c in "hello"), reverse=True))
print(list(map(str, (i for i in range(3)))))
def consume(it):
    out = []
    for v in it:
        out.append(v)
    return out
print(consume(x for x in "ab"), consume(iter([1, 2])), consume(range(2)))
print(any(x > 5 for x in [1, 9]), all(x > 0 for x in [1, -1]))
print(dict((str(i), i) for i in range(3)))
print("".join(str(n) for n in range(5)))
