# Function objects have __name__; attributes can be set on them.
def documented():
    "Docstring here."
    return 1
print(documented.__name__, documented.__doc__)
documented.tag = "custom"
print(documented.tag, getattr(documented, "missing", "none"), hasattr(documented, "tag"))
def outer():
    def inner():
        pass
    return inner
print(outer().__name__)
print(callable(documented), callable(outer()), callable(None), callable(int), callable("s"))
