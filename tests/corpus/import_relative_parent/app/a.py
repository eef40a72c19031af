print("app.a loaded")
def b():
    return "b from app.a"
