# Found by tools/difftest: str.count/find/startswith with start/end bounds (a start past the end
# finds nothing, not even ''), divmod's float and type errors, argument-count messages of
# list/tuple/set/dict methods.
s = 'tab\there the quick brown fox'
for args in [('',), ('', -1, 9), ('', 4), ('', 40), ('', 5, 5), ('', 6, 5), ('e',), ('e', 10), ('e', 3, 8), ('e', -3),
             ('', None, 3), ('e', None), ('', -100, -90)]:
    print(args, s.count(*args), s.find(*args), s.rfind(*args), s.startswith(*args), s.endswith(*args))
print('a'.rfind('', 4), 'a'.find('', 1), 'a'.find('', 2), 'abc'.find('a', None), 'abc'.index('c', None, None))
print('aaa'.count('aa'), 'aaaa'.count('aa', 1), 'ab'.startswith('', 3), 'ab'.endswith('', 2))
for f in [lambda: divmod(1.0, 0.0), lambda: divmod(1, 0.0), lambda: divmod(2.5, 0), lambda: divmod(1, 0),
          lambda: 1.0 // 0.0, lambda: 1.0 % 0, lambda: divmod('a', 0.0), lambda: divmod(7.5, 2), lambda: divmod(-7, 2.0)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
for f in [lambda: [].append(1, 2), lambda: [].append(), lambda: [].clear(1), lambda: {1}.add(), lambda: [].insert(1),
          lambda: [].pop(1, 2), lambda: [1].index(), lambda: {}.get(), lambda: {}.get(1, 2, 3), lambda: 'a'.replace('a'),
          lambda: [].count(), lambda: (1,).count(1, 2), lambda: {}.setdefault()]:
    try:
        print(f())
    except TypeError as e:
        print('TypeError', e)
