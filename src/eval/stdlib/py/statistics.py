"""statistics: basic descriptive statistics on int and float data.

mean, fmean (weights=), median, median_low, median_high, mode, multimode,
variance, pvariance, stdev, pstdev and quantiles (n=, method='exclusive' or
'inclusive').  Errors are StatisticsError (a ValueError) with CPython's
messages.

CPython computes mean and variance with exact fractions.  Here int data is
handled exactly with ints, and float data with error-free float arithmetic
(TwoSum/TwoProduct splitting fed to math.fsum) followed by a residual
correction, which reproduces CPython's correctly rounded results for
ordinary data.  Fraction and Decimal data are not supported.
"""

import math


class StatisticsError(ValueError):
    pass


# ---- exact float helpers

def _two_sum(a, b):
    s = a + b
    bv = s - a
    return s, (a - (s - bv)) + (b - bv)


def _split(a):
    c = 134217729.0 * a  # 2**27 + 1
    hi = c - (c - a)
    return hi, a - hi


def _two_prod(a, b):
    p = a * b
    ah, al = _split(a)
    bh, bl = _split(b)
    return p, ((ah * bh - p) + ah * bl + al * bh) + al * bl


def _div_parts(parts, k):
    """Correctly rounded (in practice) value of sum(parts) / k, parts summed exactly."""
    k = float(k)
    q = math.fsum(parts) / k
    if not math.isfinite(q):
        return q
    p, e = _two_prod(q, k)
    r = math.fsum(parts + [-p, -e])
    return q + r / k


def _sqrt_parts(parts, k):
    """Correctly rounded (in practice) square root of sum(parts) / k."""
    v = _div_parts(parts, k)
    if not math.isfinite(v) or v <= 0.0:
        return math.sqrt(v) if v >= 0.0 else math.sqrt(0.0)
    s = math.sqrt(v)
    k = float(k)
    a, b = _two_prod(s, s)
    c1, c2 = _two_prod(k, a)
    c3, c4 = _two_prod(k, b)
    r = math.fsum(parts + [-c1, -c2, -c3, -c4])
    return s + r / (2.0 * k * s)


def _int_parts(n):
    hi = float(n)
    return [hi, float(n - int(hi))]


def _data_type(data):
    """int when every item is an int or bool, float when any is a float."""
    kind = int
    for x in data:
        if isinstance(x, float):
            kind = float
        elif not isinstance(x, int):
            raise TypeError("can't convert type '%s' to numerator/denominator"
                            % type(x).__name__)
    return kind


def _int_ratio(num, den):
    # what CPython's _convert(Fraction(num, den), int) gives
    if den < 0:
        num, den = -num, -den
    if num % den == 0:
        return num // den
    return num / den


# ---- averages

def mean(data):
    data = list(data)
    n = len(data)
    if n < 1:
        raise StatisticsError('mean requires at least one data point')
    if _data_type(data) is int:
        try:
            return _int_ratio(sum(data), n)
        except OverflowError:
            pass  # nabla's ints are 64-bit: fall back to floats
    return _div_parts([float(x) for x in data], n)


def fmean(data, weights=None):
    data = list(data)
    n = len(data)
    if weights is None:
        if not n:
            raise StatisticsError('fmean requires at least one data point')
        return math.fsum(data) / n
    weights = list(weights)
    num = math.fsum([x * w for x, w in zip(data, weights)])
    if n != len(weights):
        raise StatisticsError('data and weights must be the same length')
    den = math.fsum(weights)
    if not den:
        raise StatisticsError('sum of weights must be non-zero')
    return num / den


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    return data[n // 2]


def _counts(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    return counts


def mode(data):
    counts = _counts(data)
    if not counts:
        raise StatisticsError('no mode for empty data')
    best, best_count = None, 0
    for value, c in counts.items():
        if c > best_count:
            best, best_count = value, c
    return best


def multimode(data):
    counts = _counts(data)
    if not counts:
        return []
    top = max(counts.values())
    return [value for value, c in counts.items() if c == top]


def quantiles(data, *, n=4, method='exclusive'):
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError('must have at least two data points')
    result = []
    if method == 'inclusive':
        m = ld - 1
        for i in range(1, n):
            j = i * m // n
            delta = i * m - j * n
            result.append((data[j] * (n - delta) + data[j + 1] * delta) / n)
        return result
    if method == 'exclusive':
        m = ld + 1
        for i in range(1, n):
            j = i * m // n
            if j < 1:
                j = 1
            elif j > ld - 1:
                j = ld - 1
            delta = i * m - j * n
            result.append((data[j - 1] * (n - delta) + data[j] * delta) / n)
        return result
    raise ValueError('Unknown method: %r' % (method,))


# ---- spread

def _spread(data, center, population):
    """Return (kind, numerator parts or int, divisor) with variance = numerator / divisor."""
    data = list(data)
    n = len(data)
    if center is not None:
        squares = [(x - center) * (x - center) for x in data]
        kind = _data_type(squares)
        k = n if population else n - 1
        if kind is int:
            return kind, sum(squares), k, n
        return kind, [float(s) for s in squares], k, n
    kind = _data_type(data)
    if kind is int:
        try:
            s = sum(data)
            q = sum([x * x for x in data])
            # ss = (n*q - s*s) / n, so variance = (n*q - s*s) / (n * divisor)
            k = n * (n if population else n - 1)
            return kind, n * q - s * s, k, n
        except OverflowError:
            kind = float  # nabla's ints are 64-bit: fall back to floats
    xs = [float(x) for x in data]
    if n == 0:
        return kind, [], 1, 0
    m = _div_parts(xs, n)
    if not math.isfinite(m):
        return kind, [m], 1, n
    parts = []
    linear = []
    for x in xs:
        d, e = _two_sum(x, -m)
        linear.append(d)
        linear.append(e)
        p1, p2 = _two_prod(d, d)
        p3, p4 = _two_prod(2.0 * d, e)
        p5, p6 = _two_prod(e, e)
        parts += [p1, p2, p3, p4, p5, p6]
    lin = math.fsum(linear)
    parts.append(-(lin * lin) / n)
    return kind, parts, n if population else n - 1, n


def _variance(data, center, population, name):
    kind, num, k, n = _spread(data, center, population)
    if n < (1 if population else 2):
        raise StatisticsError('%s requires at least %s data point%s'
                              % (name, 'one' if population else 'two', '' if population else 's'))
    if kind is int:
        return _int_ratio(num, k)
    return _div_parts(num, k)


def _stdev(data, center, population, name):
    kind, num, k, n = _spread(data, center, population)
    if n < (1 if population else 2):
        raise StatisticsError('%s requires at least %s data point%s'
                              % (name, 'one' if population else 'two', '' if population else 's'))
    if kind is int:
        if num % k == 0:
            return _sqrt_parts(_int_parts(num // k), 1)
        return _sqrt_parts(_int_parts(num), k)
    return _sqrt_parts(num, k)


def variance(data, xbar=None):
    return _variance(data, xbar, False, 'variance')


def pvariance(data, mu=None):
    return _variance(data, mu, True, 'pvariance')


def stdev(data, xbar=None):
    return _stdev(data, xbar, False, 'stdev')


def pstdev(data, mu=None):
    return _stdev(data, mu, True, 'pstdev')
