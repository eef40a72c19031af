# match: literal, capture, wildcard, value, singleton, guard, or, as patterns


class Color:
    RED = 1
    GREEN = 2
    BLUE = "blue"


def lit(v):
    match v:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case -2.5:
            return "minus two and a half"
        case "s":
            return "str s"
        case b"b":
            return "bytes b"
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case Color.RED:
            return "red"
        case Color.BLUE:
            return "blue"
        case 10 | 20 | 30:
            return "tens"
        case 1000000000000000000000:
            return "big"
        case _:
            return "other"


for v in [0, -1, 1.5, -2.5, "s", b"b", None, True, False, 1, 2, "blue", 20, 10**21, 0.0, 1.0, "x", [], -0]:
    print(repr(v), lit(v))


def cap(v):
    match v:
        case int(n) if n > 100:
            return ("big int", n)
        case int() | float() as num if num < 0:
            return ("negative", num)
        case (1 | 2 | 3) as small:
            return ("small", small)
        case str() as s:
            return ("str", s)
        case other:
            return ("other", other)


for v in [500, -3, -2.5, 2, "hey", 50, (1, 2)]:
    print(cap(v))

# Guards see the captures; a failed guard moves on (the names stay bound).
def guarded(p):
    match p:
        case (x, y) if x == y:
            return f"diagonal {x}"
        case (x, y) if x > y:
            return f"below {x} {y}"
        case (x, y):
            return f"above {x} {y}"


print(guarded((1, 1)), guarded((3, 1)), guarded((1, 3)))

# A failed pattern binds nothing.
z = "unset"
match [1, 2]:
    case [z, 3]:
        print("no")
    case _:
        print("z is", z)

# Capture in module scope and at the end.
match 42:
    case answer:
        print("answer", answer)

# Wildcard-only default with a guard.
n = 0
for subject in [1, 2, 3]:
    match subject:
        case 1:
            n += 1
        case _ if subject == 3:
            n += 100
print(n)

# match inside loops with break/continue, and return from a case.
out = []
for i in range(10):
    match i:
        case 2 | 4:
            continue
        case 7:
            break
        case _:
            out.append(i)
print(out)


def first_even(xs):
    for x in xs:
        match x % 2:
            case 0:
                return x
    return None


print(first_even([1, 3, 6, 8]), first_even([1]))

# Or-pattern binding the same names in different orders.
def pair(v):
    match v:
        case (a, 1, b) | (b, 2, a):
            return (a, b)
        case {"x": a, "y": b} | [b, a]:
            return ("m", a, b)
    return None


print(pair((1, 1, 2)), pair((1, 2, 3)), pair({"x": 5, "y": 6}), pair([7, 8]))

# Nested as-patterns and or-patterns.
match (1, (2, 3)):
    case (1 | 9) as first, ((2 as two, 3 | 4) as inner):
        print(first, two, inner)

# Value patterns with dotted names.
import math

match math.pi:
    case math.e:
        print("e")
    case math.pi:
        print("pi")

# Equality uses __eq__ of the subject.
class Always:
    def __eq__(self, other):
        print("eq called with", other)
        return True


match Always():
    case 5:
        print("matched 5")

# Singletons compare by identity: 1 is not True.
match 1:
    case True:
        print("True")
    case 1:
        print("one")
match 0.0:
    case False:
        print("False")
    case 0:
        print("zero")
