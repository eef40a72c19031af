def read(path):
    try:
        f = open(path)
    except (OSError, ValueError) as e:
        print("failed", e)
        return None
    else:
        return f
    finally:
        print("done")
