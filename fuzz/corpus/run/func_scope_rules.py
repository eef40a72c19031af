# LEGB name resolution.
x = "global"
def outer():
    x = "enclosing"
    def inner():
        return x
    def inner_local():
        x = "local"
        return x
    return inner(), inner_local(), x
print(outer(), x)
def uses_builtin():
    return len("abc")
def shadows_builtin():
    len = lambda s: 42
    return len("abc")
print(uses_builtin(), shadows_builtin(), len("abcd"))
y = 1
def late_binding():
    return y
y = 2
print(late_binding())
def loop_scope():
    for i in range(3):
        pass
    return i
print(loop_scope())
