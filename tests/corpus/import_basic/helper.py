print("helper module body runs, __name__ =", __name__)
VERSION = "1.0"
def greet(name):
    return "hello, " + name
def square(x):
    return x * x
def describe():
    return "helper v" + VERSION
