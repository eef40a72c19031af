print("app.sub.sibling loaded")
NAME = "sibling"
