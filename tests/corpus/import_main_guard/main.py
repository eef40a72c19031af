# if __name__ == "__main__" blocks run only in the script being executed.
import tool
print("main imported tool; tool.RESULT =", tool.RESULT)
if __name__ == "__main__":
    print("main guard runs in main.py")
