# Module functions use their own module's globals; from-import copies the binding.
import counter
from counter import count, bump
print(count, counter.count)
bump()
bump()
print(count, counter.count)
count = 100
print(counter.read(), count)
counter.count = 50
print(bump(), counter.count)
def local_bump():
    global count
    count += 1
local_bump()
print(count, counter.count)
