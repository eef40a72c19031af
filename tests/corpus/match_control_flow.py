def gen(items):
    for it in items:
        match it:
            case [x, *_]:
                yield x
            case {"v": v} if (yield v) is None:
                pass
            case _:
                yield None
print(list(gen([[1, 2], {"v": 3}, 5, []])))

def safe(v):
    try:
        match v:
            case [a, b] if a / b > 1:
                return "ratio"
            case object(missing=m):
                return m
            case _:
                return "default"
    except ZeroDivisionError as e:
        return "zde " + str(e)
print(safe([1, 0]), safe([4, 2]), safe([1, 2]), safe(3))

def deep(v, n=0):
    match v:
        case [inner]:
            return deep(inner, n + 1)
        case _:
            return n
print(deep([[[[[[1]]]]]]))
while True:
    match 5:
        case 5:
            break
print("broke")
for i in range(3):
    try:
        match i:
            case 0:
                continue
            case 1:
                raise ValueError("one")
            case 2:
                print("two")
    except ValueError as e:
        print("caught", e)
    finally:
        print("fin", i)
