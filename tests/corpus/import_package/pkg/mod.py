print("pkg.mod running as", __name__)
NAME_SEEN = __name__
def func(x):
    return x * 100
