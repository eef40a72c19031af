# Conditional expressions, nested and in comprehensions.
for n in range(-2, 3):
    sign = "neg" if n < 0 else "zero" if n == 0 else "pos"
    print(n, sign)
def side(label, val):
    print("side", label)
    return val
print(side("a", 1) if side("cond", True) else side("b", 2))
print(side("a", 1) if side("cond", False) else side("b", 2))
print(["even" if i % 2 == 0 else "odd" for i in range(5)])
x = 7
y = (x if x > 5 else 5) * 2
print(y, (lambda z: "big" if z > 10 else "small")(y))
print(max(3, 4) if True else None, "a" if [] else "b")
