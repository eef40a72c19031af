# Using lists as stacks and queues; bracket matching.
def balanced(s):
    pairs = {")": "(", "]": "[", "}": "{"}
    stack = []
    for ch in s:
        if ch in "([{":
            stack.append(ch)
        elif ch in pairs:
            if not stack or stack.pop() != pairs[ch]:
                return False
    return not stack
for s in ["()", "([]{})", "(]", "((", "", "{[()()]}", "}"]:
    print(repr(s), balanced(s))
q = [1, 2, 3]
q.append(4)
print(q.pop(0), q.pop(0), q)
q.insert(0, 0)
print(q)
