# An except clause whose class (or any element of its tuple) is not an exception class
# raises TypeError when it is checked against a raised exception, even when an earlier
# element of the tuple matches.


def attempt(label, make_clause):
    try:
        try:
            raise ValueError("boom")
        except make_clause():
            print(label, "caught")
    except TypeError as e:
        print(label, "TypeError:", e)
        print("  context:", type(e.__context__).__name__, e.__context__)
    except ValueError as e:
        print(label, "not caught:", e)


attempt("tuple with int", lambda: (ValueError, 5))
attempt("int first", lambda: (5, ValueError))
attempt("plain int", lambda: 5)
attempt("str", lambda: "ValueError")
attempt("nested tuple", lambda: (KeyError, (ValueError,)))
attempt("non-exception class", lambda: (ValueError, int))
attempt("object class", lambda: object)
attempt("valid tuple", lambda: (KeyError, ValueError))
attempt("empty tuple", lambda: ())


# The clause is only evaluated when an exception reaches it.
try:
    pass
except 5:
    print("never")
print("no exception: clause not checked")


def later_clause():
    try:
        raise KeyError("k")
    except KeyError:
        return "first clause matched, second never evaluated"
    except 5:
        return "unreachable"


print(later_clause())

# Uncaught: the TypeError propagates with the original as its context.
try:
    raise IndexError(3)
except (IndexError, 1.5):
    print("not reached")
