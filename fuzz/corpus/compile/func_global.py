# global statements inside functions.
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump()
bump()
print(counter, bump())
def define_new():
    global created
    created = "made inside"
define_new()
print(created)
x = "module"
def shadow():
    x = "local"
    return x
def read_global():
    return x
print(shadow(), read_global(), x)
def toggle():
    global flag
    flag = not flag
flag = False
toggle()
print(flag)
toggle()
print(flag)
