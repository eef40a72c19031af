# IndexError from lists, tuples, strings, ranges and pops.
def show(label, fn):
    try:
        print(label, fn())
    except IndexError as e:
        print(label, "IndexError:", e)
show("list", lambda: [1, 2, 3][3])
show("list neg", lambda: [1, 2, 3][-4])
show("list ok", lambda: [1, 2, 3][-3])
show("empty", lambda: [][0])
show("tuple", lambda: ()[0])
show("str", lambda: "abc"[5])
show("range", lambda: range(3)[3])
show("bytes", lambda: b"ab"[2])
show("pop empty", lambda: [].pop())
show("pop idx", lambda: [1].pop(5))
show("slice ok", lambda: [1, 2][5:])
def assign():
    l = [0]
    l[1] = 5
show("assign", assign)
def delete():
    l = [0]
    del l[3]
show("del", delete)
