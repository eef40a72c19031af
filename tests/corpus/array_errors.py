# CPython's errors for bad arguments to array and its methods.
import array
from array import array as A


def check(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__, e)


check(lambda: A())
check(lambda: A(1))
check(lambda: A('ab'))
check(lambda: A('x'))
check(lambda: A('i', [1], 3))
check(lambda: A('i', x=1))
check(lambda: A(typecode='i'))
check(lambda: A('i', 'abc'))
check(lambda: A('i', A('u', 'a')))
check(lambda: A('u', A('i', [1])))
check(lambda: A('u', [1]))
check(lambda: A('i', 5))
check(lambda: A('i', b'abc'))
check(lambda: A('i', [10**30]))
a = A('i', [1, 2, 3])
check(lambda: a + [1])
check(lambda: a + A('h'))
check(lambda: [1] + a)
check(lambda: a * 'x')
check(lambda: a * 1.5)
check(lambda: hash(a))
check(lambda: a.extend(A('d')))
check(lambda: a.extend(5))
check(lambda: a.pop(10))
check(lambda: A('i').pop())
check(lambda: a.remove(9))
check(lambda: a.index(9))
check(lambda: a.index(1, 1))
check(lambda: a.fromlist((1,)))
check(lambda: a.fromlist([1, 'x']))
check(lambda: a.frombytes('ab'))
check(lambda: a.frombytes(b'abc'))
check(lambda: a.fromunicode('x'))
check(lambda: a.tounicode())
check(lambda: A('u').fromunicode(5))
check(lambda: A('u', 'a') < A('i', [1]))
check(lambda: a.insert('x', 1))
check(lambda: a.foo)
check(lambda: a)


def setattr_typecode():
    a.typecode = 'd'


check(setattr_typecode)


def iadd_list():
    b = A('i')
    b += [1]


def iadd_kind():
    b = A('i')
    b += A('d')


check(iadd_list)
check(iadd_kind)
print(A('i', [1, 2]) == 'ab', A('i') != None)
A('i', [1]).append(2**40)
