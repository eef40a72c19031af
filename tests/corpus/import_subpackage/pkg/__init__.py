print("init", __name__)
LEVEL = 1
