def f(:
    pass
x = (1,
y = 3 +
class
