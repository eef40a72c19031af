# A module's top-level code runs once no matter how many times it is imported.
import first
import second
import shared
import shared
from shared import registry
print("main sees", shared.registry, registry is shared.registry)
print(first.shared is second.shared, first.shared is shared)
shared.register("from main")
print(second.get_all())
