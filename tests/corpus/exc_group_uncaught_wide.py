# More than 15 members: the rest is summarised; more than 10 levels: the depth is cut.


def deep(n):
    g = ValueError("bottom")
    for i in range(n):
        g = ExceptionGroup(f"level {i}", [g, TypeError(i)])
    return g


try:
    raise ExceptionGroup("wide", [ValueError(i) for i in range(17)])
except ExceptionGroup as e:
    print(len(e.exceptions))
raise ExceptionGroup("top", [deep(12), ExceptionGroup("wide", [KeyError(i) for i in range(16)])])
