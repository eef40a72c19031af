print("init", __name__)
LEVEL = 3
