def f(items):
    try:
        return items[0]
    except* IndexError:
        return None
