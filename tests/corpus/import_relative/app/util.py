print("app.util loaded as", __name__)
CALLS = []
def helper(x):
    CALLS.append(x)
    return x * 2
