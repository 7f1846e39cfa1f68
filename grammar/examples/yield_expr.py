def batches(data, size):
    for i in range(0, len(data), size):
        yield data[i:i + size]
    yield
    yield from range(3)
    sent = yield 1, 2
