# Nested try blocks and re-raising.
def level(n):
    try:
        try:
            if n == 0:
                raise ValueError("zero")
            if n == 1:
                raise KeyError("one")
            return "ok"
        except ValueError as e:
            print("inner caught", e)
            raise
        finally:
            print("inner finally", n)
    except ValueError:
        print("outer re-caught ValueError")
        return "recovered"
    except KeyError as e:
        print("outer caught KeyError", e)
        return "keyerror"
print(level(0))
print(level(1))
print(level(2))
try:
    try:
        raise TypeError("t")
    except TypeError as e:
        err = e
        raise
except TypeError as e2:
    print(e2 is err)
