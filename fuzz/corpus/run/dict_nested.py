# Nested dict structures.
db = {"users": {"ann": {"age": 30, "tags": ["a", "b"]}, "bob": {"age": 25, "tags": []}}}
print(db["users"]["ann"]["tags"][1])
db["users"]["bob"]["tags"].append("new")
db["users"]["cy"] = {"age": 40, "tags": ["x"]}
for name, info in db["users"].items():
    print(name, info["age"], len(info["tags"]), info)
counts = {}
for s in ["a1", "b2", "a3", "c4", "b5"]:
    counts.setdefault(s[0], {})[s] = int(s[1])
print(counts)
tree = {}
for path in ["a/b/c", "a/b/d", "a/e", "f"]:
    node = tree
    for part in path.split("/"):
        node = node.setdefault(part, {})
print(tree)
