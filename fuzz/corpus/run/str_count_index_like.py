# Searching within strings using find and in; len with multi-byte chars.
text = "naïve café — naïve"
print(len(text), text.find("café"), text.find("naïve", 1), text.find("—"))
pos = -1
found = []
while True:
    pos = text.find("a", pos + 1)
    if pos == -1:
        break
    found.append(pos)
print(found)
print(text[text.find("c"):text.find("c") + 4])
print(text.split(" — "), text.replace("naïve", "NAÏVE", 1))
print(text.startswith("na"), text.endswith(("é", "e")), "ï" in text)
