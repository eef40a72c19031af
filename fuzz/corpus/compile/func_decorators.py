# Decorators with and without arguments, stacking.
def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper() + "!"
    return wrapper
@shout
def hello(name):
    return "hello " + name
print(hello("world"))
def repeat(n):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def roll(x):
    return x * 2
print(roll(5))
calls = []
def trace(fn):
    def wrapper(*a):
        calls.append(fn.__name__)
        return fn(*a)
    return wrapper
@trace
@repeat(2)
def two(x):
    return x
print(two("a"), calls)
def register(table):
    def deco(fn):
        table[fn.__name__] = fn
        return fn
    return deco
handlers = {}
@register(handlers)
def on_start():
    return "started"
@register(handlers)
def on_stop():
    return "stopped"
print(list(handlers), handlers["on_stop"](), on_start())
def count_calls(fn):
    def wrapper(*args):
        wrapper.count += 1
        return fn(*args)
    wrapper.count = 0
    return wrapper
@count_calls
def noop():
    pass
noop()
noop()
print(noop.count)
