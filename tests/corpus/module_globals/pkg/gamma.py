G = "gamma"
