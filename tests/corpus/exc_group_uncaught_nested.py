# An uncaught exception group prints its members in numbered boxes (nested groups, a member
# with a traceback and a note, a member with a chained context).


def leaf(kind, n):
    try:
        raise kind(n)
    except Exception as e:
        return e


def chained_member():
    try:
        try:
            raise RuntimeError("first")
        except RuntimeError:
            raise ValueError("second")
    except ValueError as e:
        return e


inner = ExceptionGroup("inner", [leaf(TypeError, "t1"), leaf(KeyError, "k")])
e = leaf(ValueError, "v")
e.add_note("a note on v")
g = ExceptionGroup("outer", [e, inner, OSError(2, "missing"), chained_member()])
g.add_note("a note on the group")
print("raising")
raise g
