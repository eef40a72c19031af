# AssertionError messages from assert statements.
def check_all(xs):
    for i, x in enumerate(xs):
        assert isinstance(x, int), "item %d is %s" % (i, type(x).__name__)
    return "all ints"
for data in [[1, 2], [1, "two"], [3.0]]:
    try:
        print(check_all(data))
    except AssertionError as e:
        print("AssertionError:", e)
try:
    assert 2 + 2 == 5
except AssertionError as e:
    print("bare assert:", repr(e), str(e) == "")
