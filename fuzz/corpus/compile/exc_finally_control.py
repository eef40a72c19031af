# finally with return/break/continue overriding normal flow.
def f():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(f())
def g():
    try:
        return "try"
    finally:
        return "finally wins"
print(g())
def h():
    try:
        raise ValueError("swallowed")
    finally:
        return "returned from finally"
print(h())
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
def counter():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                return n
        finally:
            print("tick", n)
print(counter())
def k():
    x = 1
    try:
        return x
    finally:
        x = 2
print(k())
