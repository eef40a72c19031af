# range with bounds beyond the machine word: length, items, slices, membership, search,
# reversal, iteration, repr, equality, hashing and truth all work on ints of any size.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


B = 2 ** 64

show("len 2**62", lambda: len(range(2 ** 62)))
show("len 2**63-1", lambda: len(range(0, 2 ** 63 - 1)))
show("len 2**63", lambda: len(range(2 ** 63)))
show("len -2**63..2**63", lambda: len(range(-2 ** 63, 2 ** 63)))
show("len step", lambda: len(range(0, 2 ** 70, 2 ** 10)))
show("len empty big", lambda: len(range(B, 0)))
show("len neg step", lambda: len(range(B, -B, -(2 ** 20))))
show("__len__", lambda: range(2 ** 62).__len__())

show("item 2**63", lambda: range(B)[2 ** 63])
show("item -1", lambda: range(B)[-1])
show("item out", lambda: range(B)[B])
show("item -out", lambda: range(B)[-B - 1])
show("small range big index", lambda: range(10)[2 ** 64])
show("small range big negative index", lambda: range(10)[-(2 ** 64)])
show("item step", lambda: range(B, 3 * B, 7)[2 ** 40])
show("item bool", lambda: range(B, B + 2)[True])
show("item float", lambda: range(B)[1.5])
show("item str", lambda: range(3)["a"])

show("slice", lambda: range(B, B + 10, 3)[1:3])
show("slice step", lambda: range(B)[:: 2 ** 40])
show("slice big bounds", lambda: range(2 ** 100)[2 ** 70 : 2 ** 80 : 2 ** 5])
show("slice reverse", lambda: range(B)[-(2 ** 70) : 2 ** 70 : -1])
show("slice reverse all", lambda: range(B)[::-1])
show("slice small", lambda: range(10)[3 : 2 ** 70])
show("slice small both", lambda: range(10)[-(2 ** 70) : 2 ** 70])
show("slice zero step", lambda: range(B)[::0])
show("slice str bound", lambda: range(B)["a":])
show("slice empty", lambda: range(B)[5:2])
show("slice of slice", lambda: range(0, B, 5)[2 ** 40 :][:: -(2 ** 30)][:3])

show("in", lambda: 2 ** 63 in range(B))
show("in step", lambda: B - 1 in range(0, B, 3))
show("not in step", lambda: B - 2 in range(0, B, 3))
show("in below", lambda: -1 in range(B))
show("in neg step", lambda: B in range(2 * B, 0, -B))
show("in bool", lambda: True in range(B))
show("in float", lambda: 3.0 in range(10))

show("index", lambda: range(0, B, 3).index(B - 1))
show("index mixed", lambda: range(2 ** 62 - 1, 2 ** 62 + 4).index(2 ** 62 + 2))
show("index missing", lambda: range(10).index(2 ** 64))
show("index missing small", lambda: range(10).index(-1))
show("index float", lambda: range(10).index(3.0))
show("index float missing", lambda: range(10).index(3.5))
show("index str", lambda: range(10).index("a"))
show("count", lambda: range(0, B, 3).count(B - 1))
show("count missing", lambda: range(0, B, 3).count(B - 2))
show("count float", lambda: range(10).count(3.0))
show("count str", lambda: range(10).count("3"))

show("reversed", lambda: list(reversed(range(B, B + 5))))
show("reversed big", lambda: next(reversed(range(B))))
show("reversed step", lambda: list(reversed(range(-B, B, B // 2))))
show("reversed empty", lambda: list(reversed(range(B, 0))))
show("iterate", lambda: list(range(B, B + 3)))
show("iterate step", lambda: list(range(B, -B, -(B // 2))))
show("cross 2**62", lambda: list(range(2 ** 62 - 2, 2 ** 62 + 2)))
show("cross 2**63", lambda: list(range(2 ** 63 - 2, 2 ** 63 + 2)))
show("cross 2**63 reversed", lambda: list(reversed(range(2 ** 63 - 2, 2 ** 63 + 2))))
show("cross -2**63", lambda: list(range(-(2 ** 63) + 2, -(2 ** 63) - 2, -1)))

show("repr", lambda: range(-B, B, B))
show("repr step 1", lambda: range(B, 2 * B, 1))
show("attrs", lambda: (range(B).start, range(B).stop, range(B).step))
show("attrs 3", lambda: (range(-B, B, -B).start, range(-B, B, -B).stop, range(-B, B, -B).step))

show("eq", lambda: range(B) == range(0, B))
show("eq step", lambda: range(0, B, 2) == range(0, B - 1, 2))
show("ne", lambda: range(B) != range(1, B))
show("eq empty", lambda: range(B, 0) == range(0))
show("bool", lambda: bool(range(B)))
show("bool empty", lambda: bool(range(B, B)))
show("bool neg", lambda: bool(range(B, 0, -1)))
show("hash", lambda: hash(range(B)) == hash((B, 0, 1)))
show("hash step", lambda: hash(range(0, B, 2)) == hash(range(0, B - 1, 2)))
show("hash value", lambda: hash(range(1, B, 2 ** 40)))
