# Unpacking errors: type of error always printed, stable messages printed in full.
def show(fn, full=True):
    try:
        fn()
        print("ok")
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + (": " + str(e) if full else ""))
def too_few():
    a, b, c = (1, 2)
def too_many():
    a, b = [1, 2, 3]
def not_iterable():
    a, b = 5
def star_too_few():
    a, b, *c = [1]
def fine():
    a, *b = [1]
show(too_few)
show(too_many, full=False)
show(not_iterable)
show(star_too_few)
show(fine)
