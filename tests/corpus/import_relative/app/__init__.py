print("app package init")
VERSION = "app-1"
