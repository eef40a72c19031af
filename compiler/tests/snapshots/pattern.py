def f(v):
    match v:
        case [x, *_, 1] | (2, x):
            return x
        case {"k": k, **rest} if k:
            return rest
        case P(a, b=2):
            return a
        case _:
            return None
