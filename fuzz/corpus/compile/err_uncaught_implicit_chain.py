# An exception raised while handling another shows both tracebacks.
def lookup(d, key):
    try:
        return d[key]
    except KeyError:
        return fallback(key)
def fallback(key):
    return 100 / len(key)
print(lookup({"a": 1}, "a"))
print(lookup({"a": 1}, ""))
