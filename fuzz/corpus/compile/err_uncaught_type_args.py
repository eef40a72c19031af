# Uncaught TypeError from calling a function with the wrong number of arguments.
def area(w, h):
    return w * h
print(area(2, 3))
shapes = [(2, 3), (4,)]
for s in shapes:
    print(area(*s))
