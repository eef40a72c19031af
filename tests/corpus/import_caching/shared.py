print("shared: executing top level")
registry = []
def register(x):
    registry.append(x)
