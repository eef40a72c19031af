print("pkg/__init__ running as", __name__)
PKG_CONST = 42
def hello():
    return "hello from pkg"
