# Uncaught AssertionError with a message.
def normalize(weights):
    s = sum(weights)
    assert s > 0, "weights must sum to a positive number"
    return [w / s for w in weights]
print(normalize([1, 1, 2]))
print(normalize([0, 0]))
