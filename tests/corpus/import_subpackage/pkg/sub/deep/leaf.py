print("module", __name__)
VALUE = "leaf value"
def where():
    return "in " + __name__
