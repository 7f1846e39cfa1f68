"""heapq: binary min-heaps on plain lists.

heappush, heappop, heapify, heapreplace, heappushpop, nlargest, nsmallest
(key=) and merge (key=, reverse=).  The sifting is CPython's algorithm
(bottom-up _siftup followed by _siftdown), so the list layout after every
operation matches CPython's element for element.
"""


def _siftdown(heap, startpos, pos):
    # move heap[pos] up towards startpos until its parent is not larger
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup(heap, pos):
    # bubble the smaller child up to the leaf level, then sift the item down
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown(heap, startpos, pos)


def heappush(heap, item):
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap):
    if not heap:
        raise IndexError('index out of range')
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup(heap, 0)
        return returnitem
    return lastelt


def heapreplace(heap, item):
    if not heap:
        raise IndexError('index out of range')
    returnitem = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return returnitem


def heappushpop(heap, item):
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(x):
    if not isinstance(x, list):
        raise TypeError('heapify() argument must be list, not %s' % type(x).__name__)
    for i in reversed(range(len(x) // 2)):
        _siftup(x, i)


def nsmallest(n, iterable, key=None):
    # equal to sorted(iterable, key=key)[:n], which is what CPython guarantees
    if n <= 0:
        return []
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    # equal to sorted(iterable, key=key, reverse=True)[:n]
    if n <= 0:
        return []
    return sorted(iterable, key=key, reverse=True)[:n]


class _MergeEntry:
    # one input's current item; ties go to the input listed first
    def __init__(self, key, order, value, it, reverse):
        self.key = key
        self.order = order
        self.value = value
        self.it = it
        self.reverse = reverse

    def __lt__(self, other):
        if self.reverse:
            if other.key < self.key:
                return True
            if self.key < other.key:
                return False
        else:
            if self.key < other.key:
                return True
            if other.key < self.key:
                return False
        return self.order < other.order


class merge:
    """merge(*iterables, key=None, reverse=False): lazily merge sorted inputs."""

    def __init__(self, *iterables, key=None, reverse=False):
        self._key = key
        self._heap = []
        order = 0
        for iterable in iterables:
            it = iter(iterable)
            self._advance(_MergeEntry(None, order, None, it, reverse))
            order += 1

    def _advance(self, entry):
        try:
            value = next(entry.it)
        except StopIteration:
            return
        entry.value = value
        entry.key = value if self._key is None else self._key(value)
        heappush(self._heap, entry)

    def __iter__(self):
        return self

    def __next__(self):
        if not self._heap:
            raise StopIteration
        entry = heappop(self._heap)
        value = entry.value
        self._advance(entry)
        return value
