import itertools
from itertools import (count, cycle, repeat, accumulate, chain, islice, takewhile, dropwhile,
                       filterfalse, starmap, compress, pairwise, zip_longest, product,
                       permutations, combinations, combinations_with_replacement)
import operator

print(list(islice(count(), 5)), list(islice(count(10, 2), 3)), list(islice(count(0.5, 0.25), 3)), list(islice(count(start=3, step=-1), 4)))
print(list(islice(cycle('abc'), 7)), list(cycle([])), list(repeat('x', 3)), list(repeat(1, 0)), list(repeat(1, -2)))
print(list(zip(range(3), repeat(7))), list(islice(repeat(None), 2)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], operator.mul)), list(accumulate([3, 1, 4], max)))
print(list(accumulate([1, 2], initial=100)), list(accumulate([], initial=5)), list(accumulate([])), list(accumulate('abc')))
print(list(chain('ab', [1, 2], (), range(2))), list(chain()), list(chain.from_iterable(['xy', [3], []])))
print(list(islice('abcdefg', 2)), list(islice('abcdefg', 2, 4)), list(islice('abcdefg', 2, None)), list(islice('abcdefg', 0, None, 2)))
print(list(islice(range(10), 1, 8, 3)), list(islice('ab', 5, 9)), list(islice('abc', None)), list(islice('abc', None, None, None)))
it = iter(range(10))
print(list(islice(it, 3)), next(it), list(islice(it, 0)), next(it))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a', None])))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(operator.add, [[1, 2], 'ab'])))
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(compress('AB', [1, 1, 1, 1])), list(compress(data='ABC', selectors=[0, 1])))
print(list(pairwise('ABCDE')), list(pairwise('A')), list(pairwise([])))
print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest('ab', [1, 2, 3])), list(zip_longest()))
print(list(product('AB', 'xy')), list(product(range(2), repeat=3)), list(product()), list(product('ab', [])))
print(list(product('ab', repeat=0)), len(list(product(range(3), range(4), range(2)))))
print(list(permutations('ABC', 2)), list(permutations(range(3))), list(permutations('ab', 3)), list(permutations([], 0)))
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)), list(combinations('ab', 3)), list(combinations('ab', 0)))
print(list(combinations_with_replacement('ABC', 2)), list(combinations_with_replacement('', 2)), list(combinations_with_replacement('', 0)))
print(sum(1 for _ in permutations(range(5))), sum(1 for _ in combinations(range(10), 4)))
print(type(count()).__name__, type(chain()).__name__, iter(count()) is not None)
c = count(5)
print(next(c), next(c))
for i, ch in zip(count(1), 'xyz'):
    print(i, ch, end='; ')
print()

def t(f, *a, **k):
    try:
        print(list(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)
t(islice, 'abc', -1)
t(islice, 'abc', 1, -1)
t(islice, 'abc', 0, 2, 0)
t(islice, 'abc')
t(count, 'a')
t(cycle, 5)
t(chain, 1, 2)
t(combinations, 'abc', -1)
t(permutations, 'abc', -1)
t(product, 'ab', repeat=-1)
t(accumulate, [1, 'a'])
