"""itertools: iterator building blocks, written as iterator classes.

Infinite: count, cycle, repeat.  Terminating: accumulate (func, initial=),
chain (and chain.from_iterable), compress, dropwhile, filterfalse, groupby,
islice, pairwise, starmap, takewhile, tee, zip_longest (fillvalue=).
Combinatoric: product (repeat=), permutations, combinations,
combinations_with_replacement.  All are lazy and consume their inputs the
way CPython does; the combinatoric ones read their inputs into tuples first.
"""

_MAXSIZE = 9223372036854775807


class _Iter:
    def __iter__(self):
        return self


class count(_Iter):
    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not isinstance(v, (int, float)):
                raise TypeError('a number is required')
        self._n = start
        self._step = step

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if isinstance(self._step, int) and self._step == 1:
            return 'count(%r)' % (self._n,)
        return 'count(%r, %r)' % (self._n, self._step)


class cycle(_Iter):
    def __init__(self, iterable):
        self._it = iter(iterable)
        self._saved = []
        self._i = -1  # -1 while the first pass is still running

    def __next__(self):
        if self._i < 0:
            try:
                x = next(self._it)
            except StopIteration:
                if not self._saved:
                    raise
                self._i = 0
            else:
                self._saved.append(x)
                return x
        x = self._saved[self._i]
        self._i = (self._i + 1) % len(self._saved)
        return x


class repeat(_Iter):
    def __init__(self, object, times=None):
        self._obj = object
        if times is not None and times < 0:
            times = 0
        self._times = times

    def __next__(self):
        if self._times is not None:
            if self._times <= 0:
                raise StopIteration
            self._times -= 1
        return self._obj

    def __len__(self):
        if self._times is None:
            raise TypeError('len() of unsized object')
        return self._times

    def __repr__(self):
        if self._times is None:
            return 'repeat(%r)' % (self._obj,)
        return 'repeat(%r, %d)' % (self._obj, self._times)


class accumulate(_Iter):
    def __init__(self, iterable, func=None, *, initial=None):
        self._it = iter(iterable)
        self._func = func
        self._total = initial
        self._started = initial is not None
        self._pending_initial = initial is not None

    def __next__(self):
        if self._pending_initial:
            self._pending_initial = False
            return self._total
        x = next(self._it)
        if not self._started:
            self._started = True
            self._total = x
        elif self._func is None:
            self._total = self._total + x
        else:
            self._total = self._func(self._total, x)
        return self._total


class chain(_Iter):
    def __init__(self, *iterables):
        self._source = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, iterable):
        c = cls()
        c._source = iter(iterable)
        return c

    def __next__(self):
        while True:
            if self._active is None:
                self._active = iter(next(self._source))
            try:
                return next(self._active)
            except StopIteration:
                self._active = None


class compress(_Iter):
    def __init__(self, data, selectors):
        self._data = iter(data)
        self._sel = iter(selectors)

    def __next__(self):
        while True:
            d = next(self._data)
            s = next(self._sel)
            if s:
                return d


class dropwhile(_Iter):
    def __init__(self, predicate, iterable):
        self._pred = predicate
        self._it = iter(iterable)
        self._dropping = True

    def __next__(self):
        if self._dropping:
            while True:
                x = next(self._it)
                if not self._pred(x):
                    self._dropping = False
                    return x
        return next(self._it)


class takewhile(_Iter):
    def __init__(self, predicate, iterable):
        self._pred = predicate
        self._it = iter(iterable)
        self._done = False

    def __next__(self):
        if self._done:
            raise StopIteration
        x = next(self._it)
        if self._pred(x):
            return x
        self._done = True
        raise StopIteration


class filterfalse(_Iter):
    def __init__(self, predicate, iterable):
        self._pred = predicate
        self._it = iter(iterable)

    def __next__(self):
        while True:
            x = next(self._it)
            keep = x if self._pred is None else self._pred(x)
            if not keep:
                return x


class starmap(_Iter):
    def __init__(self, function, iterable):
        self._func = function
        self._it = iter(iterable)

    def __next__(self):
        return self._func(*next(self._it))


class pairwise(_Iter):
    def __init__(self, iterable):
        self._it = iter(iterable)
        self._prev = None
        self._first = True

    def __next__(self):
        if self._first:
            self._prev = next(self._it)
            self._first = False
        x = next(self._it)
        pair = (self._prev, x)
        self._prev = x
        return pair


class zip_longest(_Iter):
    def __init__(self, *iterables, fillvalue=None):
        self._its = [iter(it) for it in iterables]
        self._live = len(self._its)
        self._fill = fillvalue

    def __next__(self):
        if not self._its or self._live == 0:
            raise StopIteration
        out = []
        for i in range(len(self._its)):
            it = self._its[i]
            if it is None:
                out.append(self._fill)
                continue
            try:
                out.append(next(it))
            except StopIteration:
                self._live -= 1
                if self._live == 0:
                    raise
                self._its[i] = None
                out.append(self._fill)
        return tuple(out)


def _islice_arg(v, what):
    if v is None:
        return None
    if isinstance(v, int) and not isinstance(v, bool) and 0 <= v:
        return v
    raise ValueError('%s for islice() must be None or an integer: 0 <= x <= sys.maxsize.' % what)


class islice(_Iter):
    def __init__(self, iterable, *args):
        if len(args) == 1:
            start, stop, step = None, _islice_arg(args[0], 'Stop argument'), None
        elif len(args) in (2, 3):
            start = _islice_arg(args[0], 'Indices')
            stop = _islice_arg(args[1], 'Indices')
            step = args[2] if len(args) == 3 else None
        else:
            raise TypeError('islice expected at most 4 arguments, got %d' % (len(args) + 1))
        if step is not None and (not isinstance(step, int) or step < 1):
            raise ValueError('Step for islice() must be a positive integer or None.')
        self._it = iter(iterable)
        self._next = 0 if start is None else start
        self._stop = stop
        self._step = 1 if step is None else step
        self._cnt = 0

    def __next__(self):
        stop = self._stop
        if self._it is None:
            raise StopIteration
        while self._cnt < self._next:
            try:
                next(self._it)
            except StopIteration:
                self._it = None
                raise
            self._cnt += 1
        if stop is not None and self._cnt >= stop:
            self._it = None
            raise StopIteration
        try:
            item = next(self._it)
        except StopIteration:
            self._it = None
            raise
        self._cnt += 1
        self._next += self._step
        if stop is not None and self._next > stop:
            self._next = stop
        return item


class _Grouper(_Iter):
    def __init__(self, parent, tgtkey):
        self._parent = parent
        self._tgtkey = tgtkey

    def __next__(self):
        g = self._parent
        if g._currgrouper is not self:
            raise StopIteration
        if g._currvalue is g._EMPTY:
            g._step()
        if not (g._currkey == self._tgtkey):
            raise StopIteration
        value = g._currvalue
        g._currvalue = g._EMPTY
        return value


class groupby(_Iter):
    _EMPTY = object()

    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._tgtkey = self._EMPTY
        self._currkey = self._EMPTY
        self._currvalue = self._EMPTY
        self._currgrouper = None

    def _step(self):
        # read one value; StopIteration propagates to the caller
        value = next(self._it)
        self._currvalue = value
        self._currkey = value if self._keyfunc is None else self._keyfunc(value)

    def __next__(self):
        self._currgrouper = None
        if self._currvalue is self._EMPTY:
            self._step()
        if self._tgtkey is not self._EMPTY:
            while self._currkey == self._tgtkey:
                self._step()
        self._tgtkey = self._currkey
        grouper = _Grouper(self, self._tgtkey)
        self._currgrouper = grouper
        return (self._currkey, grouper)


class _TeeBuffer:
    def __init__(self, iterable):
        self.it = iter(iterable)
        self.items = []
        self.base = 0       # absolute index of items[0]
        self.readers = []
        self.done = False


class _Tee(_Iter):
    def __init__(self, buf, pos):
        self._buf = buf
        self._pos = pos
        buf.readers.append(self)

    def __next__(self):
        buf = self._buf
        i = self._pos - buf.base
        if i >= len(buf.items):
            if buf.done:
                raise StopIteration
            try:
                buf.items.append(next(buf.it))
            except StopIteration:
                buf.done = True
                raise
        value = buf.items[i]
        self._pos += 1
        # drop what every reader has seen
        low = min([r._pos for r in buf.readers])
        if low - buf.base > 64:
            del buf.items[:low - buf.base]
            buf.base = low
        return value

    def __copy__(self):
        return _Tee(self._buf, self._pos)


def tee(iterable, n=2):
    if n < 0:
        raise ValueError('n must be >= 0')
    buf = _TeeBuffer(iterable)
    return tuple([_Tee(buf, 0) for _ in range(n)])


class product(_Iter):
    def __init__(self, *iterables, repeat=1):
        if repeat < 0:
            raise ValueError('repeat argument cannot be negative')
        self._pools = [tuple(p) for p in iterables] * repeat
        self._idx = None
        self._done = False
        for p in self._pools:
            if not p:
                self._done = True

    def __next__(self):
        if self._done:
            raise StopIteration
        pools = self._pools
        if self._idx is None:
            self._idx = [0] * len(pools)
        else:
            i = len(pools) - 1
            while i >= 0:
                self._idx[i] += 1
                if self._idx[i] < len(pools[i]):
                    break
                self._idx[i] = 0
                i -= 1
            if i < 0:
                self._done = True
                raise StopIteration
        return tuple([pools[k][self._idx[k]] for k in range(len(pools))])


class combinations(_Iter):
    def __init__(self, iterable, r):
        if r < 0:
            raise ValueError('r must be non-negative')
        self._pool = tuple(iterable)
        self._r = r
        self._idx = None
        self._done = r > len(self._pool)

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r = self._pool, self._r
        n = len(pool)
        if self._idx is None:
            self._idx = list(range(r))
        else:
            idx = self._idx
            i = r - 1
            while i >= 0 and idx[i] == i + n - r:
                i -= 1
            if i < 0:
                self._done = True
                raise StopIteration
            idx[i] += 1
            for j in range(i + 1, r):
                idx[j] = idx[j - 1] + 1
        return tuple([pool[i] for i in self._idx])


class combinations_with_replacement(_Iter):
    def __init__(self, iterable, r):
        if r < 0:
            raise ValueError('r must be non-negative')
        self._pool = tuple(iterable)
        self._r = r
        self._idx = None
        self._done = not self._pool and r > 0

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r = self._pool, self._r
        n = len(pool)
        if self._idx is None:
            self._idx = [0] * r
        else:
            idx = self._idx
            i = r - 1
            while i >= 0 and idx[i] == n - 1:
                i -= 1
            if i < 0:
                self._done = True
                raise StopIteration
            v = idx[i] + 1
            for j in range(i, r):
                idx[j] = v
        return tuple([pool[i] for i in self._idx])


class permutations(_Iter):
    def __init__(self, iterable, r=None):
        self._pool = tuple(iterable)
        n = len(self._pool)
        r = n if r is None else r
        if r < 0:
            raise ValueError('r must be non-negative')
        self._r = r
        self._indices = list(range(n))
        self._cycles = list(range(n, n - r, -1))
        self._first = True
        self._done = r > n

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r = self._pool, self._r
        n = len(pool)
        indices, cycles = self._indices, self._cycles
        if self._first:
            self._first = False
            return tuple([pool[i] for i in indices[:r]])
        i = r - 1
        while i >= 0:
            cycles[i] -= 1
            if cycles[i] == 0:
                # rotate indices[i:] left by one
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
                i -= 1
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                return tuple([pool[k] for k in indices[:r]])
        self._done = True
        raise StopIteration
