# TypeError for unsupported operand types.
def show(fn):
    try:
        fn()
    except TypeError as e:
        print("TypeError:", e)
show(lambda: 1 + "a")
show(lambda: "a" + 1)
show(lambda: [1] + (2,))
show(lambda: "a" - "b")
show(lambda: {} + {})
show(lambda: None + 1)
show(lambda: 1.5 * None)
show(lambda: "x" * 2.5)
show(lambda: [1] * [2])
show(lambda: -"neg")
show(lambda: ~1.5)
show(lambda: 1 < "2")
show(lambda: [1] > (1,))
show(lambda: None < None)
show(lambda: 2 ** "x")
show(lambda: 1 & 1.0)
show(lambda: "%d" % "str")
