# TypeError: unhashable, not callable, not subscriptable, not iterable, item assignment.
def show(fn):
    try:
        fn()
    except TypeError as e:
        print("TypeError:", e)
show(lambda: {[1]: 2})
show(lambda: {{}: 1})
show(lambda: {1, [2]})
show(lambda: hash([]))
five = 5
text = "str"
nothing = None
show(lambda: five())
show(lambda: text())
show(lambda: nothing())
show(lambda: five[0])
show(lambda: nothing[0])
show(lambda: [x for x in 5])
show(lambda: len(5))
show(lambda: iter(None))
def assign_str():
    s = "abc"
    s[0] = "x"
show(assign_str)
def assign_tuple():
    t = (1, 2)
    t[0] = 9
show(assign_tuple)
lst = [1, 2]
tup = (1, 2)
key = "0"
show(lambda: lst[key])
show(lambda: tup[1.0 + 0])
