print("app.sub init")
