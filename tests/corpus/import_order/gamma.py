print("gamma: start and end")
ORDER = ["gamma"]
