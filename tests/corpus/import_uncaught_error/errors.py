class ProcessingError(Exception):
    pass
