# Uncaught exception raised as a bare class: final line has no colon.
def validate(x):
    if x < 0:
        raise ValueError
    return x
print(validate(3))
validate(-3)
