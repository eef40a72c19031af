# Word frequency count over a large deterministic text generated in the
# program (fixed vocabulary + synthesized words, chosen with an LCG).
# The text is built as one big string, split on whitespace, counted with a
# dict, then sorted by (-count, word).
# Stresses: string concatenation/join, str.split, dict get/set with string
# keys, string hashing/comparison, sorting with tuple keys.
NWORDS = 400000

BASE_WORDS = [
    "the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog",
    "frost", "byte", "python", "rust", "binary", "freeze", "virtual",
    "machine", "stack", "frame", "closure", "generator", "integer", "float",
    "string", "list", "tuple", "dict", "set", "class", "method", "object",
    "a", "an", "of", "to", "in", "and", "is", "it", "that", "for",
]

SYLLABLES = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "vo", "ze", "qu"]


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return self.state >> 8

    def below(self, n):
        return self.next() % n


def make_text(nwords, rng):
    parts = []
    line = []
    for i in range(nwords):
        r = rng.below(100)
        if r < 70:
            # skewed choice from the base vocabulary
            a = rng.below(len(BASE_WORDS))
            b = rng.below(len(BASE_WORDS))
            if b < a:
                a = b
            w = BASE_WORDS[a]
        else:
            # synthesized word of 2-3 syllables
            n = 2 + rng.below(2)
            w = ""
            for k in range(n):
                w += SYLLABLES[rng.below(len(SYLLABLES))]
        line.append(w)
        if len(line) >= 12 + rng.below(6):
            parts.append(" ".join(line))
            line = []
    if line:
        parts.append(" ".join(line))
    return "\n".join(parts)


def count_words(text):
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    return counts


LETTER_CODES = {}
for _i, _c in enumerate("abcdefghijklmnopqrstuvwxyz"):
    LETTER_CODES[_c] = _i + 1


def checksum(items):
    h = 0
    for word, count in items:
        for ch in word:
            h = (h * 131 + LETTER_CODES[ch] + count) % 1000000007
        h = (h * 7 + len(word) * count) % 1000000007
    return h


def main():
    rng = Lcg(20240601)
    text = make_text(NWORDS, rng)
    counts = count_words(text)
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    for word, count in items[:10]:
        print("%-10s %d" % (word, count))
    total = 0
    for word, count in items:
        total += count
    print("distinct=%d total=%d chars=%d checksum=%d" % (
        len(items), total, len(text), checksum(items)))


main()
