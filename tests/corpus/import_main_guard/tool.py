RESULT = "tool loaded"
if __name__ == "__main__":
    RESULT = "tool ran as script"
    print("this should not print when imported")
else:
    print("tool imported as", __name__)
