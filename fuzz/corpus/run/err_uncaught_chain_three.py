# Three exceptions chained: implicit context then explicit cause.
class StorageError(Exception):
    pass
def read_record(records, i):
    try:
        return records[i]
    except IndexError:
        try:
            return records[0] / 0
        except ZeroDivisionError as e:
            raise StorageError("cannot read record " + str(i)) from e
print(read_record([5], 0))
read_record([5], 3)
