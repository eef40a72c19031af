from errors import ProcessingError
def check(x):
    if x < 0:
        raise ProcessingError("negative value: " + str(x))
    return x
def process(items):
    out = []
    for it in items:
        out.append(check(it))
    print("processed", out)
    if len(out) == 2:
        raise ProcessingError("exactly two items")
    return out
