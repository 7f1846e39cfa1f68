"""random: CPython's module-level random API for nabla.

The Mersenne Twister and the integer draws live in Rust (`_random`: seed,
random, uniform, randint, randrange, choice, shuffle, sample, getrandbits).
This file adds what CPython writes in Python, with CPython's algorithms and
draw order, so a seeded script prints the same numbers: choices,
triangular, normalvariate, gauss (with its cached second value),
lognormvariate, expovariate, vonmisesvariate, gammavariate, betavariate,
paretovariate, weibullvariate; and CPython's argument checks and error
messages for seed, randrange and randint.

Left out: the Random/SystemRandom classes (independent generator states
need a Rust primitive), getstate/setstate, randbytes, seeding with
str/bytes (CPython hashes them with SHA-512), binomialvariate (3.12).
"""

from _random import *
import _random
from math import log as _log, exp as _exp, pi as _pi, e as _e
from math import sqrt as _sqrt, acos as _acos, cos as _cos, sin as _sin
from math import floor as _floor, isfinite as _isfinite

NV_MAGICCONST = 4 * _exp(-0.5) / _sqrt(2.0)
TWOPI = 2.0 * _pi
LOG4 = _log(4.0)
SG_MAGICCONST = 1.0 + _log(4.5)
BPF = 53
RECIP_BPF = 2.0 ** -BPF

# gauss() draws two normal values at a time and keeps the second here.
_gauss_next = None


def seed(a=None, version=2):
    """Seeds the generator from an int (all bits), an integral float, or
    None (the clock); forgets gauss's cached value as CPython does."""
    global _gauss_next
    if isinstance(a, float):
        if a != a or a in (float("inf"), float("-inf")) or a != int(a):
            raise NotImplementedError(
                "nabla's random.seed takes ints and integral floats only")
        a = int(a)
    elif a is not None and not isinstance(a, int):
        if isinstance(a, (str, bytes, bytearray)):
            raise NotImplementedError(
                "nabla's random.seed cannot hash str/bytes seeds yet")
        raise TypeError('The only supported seed types are: None,\n'
                        'int, float, str, bytes, and bytearray.')
    _random.seed(a)
    _gauss_next = None


def _as_index(x, what):
    # CPython 3.11 still accepts integral floats (with a warning on stderr).
    if isinstance(x, float):
        if x != int(x):
            raise ValueError("non-integer %s for randrange()" % what)
        return int(x)
    if isinstance(x, int):
        return x
    raise TypeError("'%s' object cannot be interpreted as an integer"
                    % type(x).__name__)


def randrange(start, stop=None, step=1):
    """A random item of range(start, stop, step), as CPython's."""
    istart = _as_index(start, "arg 1")
    if stop is None:
        if step != 1:
            raise TypeError('Missing a non-None stop argument')
        if istart > 0:
            return _random.randrange(istart)
        raise ValueError("empty range for randrange()")
    istop = _as_index(stop, "stop")
    width = istop - istart
    istep = _as_index(step, "step")
    if istep == 1:
        if width > 0:
            return _random.randrange(istart, istop)
        raise ValueError("empty range for randrange() (%d, %d, %d)"
                         % (istart, istop, width))
    if istep > 0:
        n = (width + istep - 1) // istep
    elif istep < 0:
        n = (width + istep + 1) // istep
    else:
        raise ValueError("zero step for randrange()")
    if n <= 0:
        raise ValueError("empty range for randrange()")
    return _random.randrange(istart, istop, istep)


def randint(a, b):
    """A random integer in [a, b], both ends included."""
    return randrange(a, b + 1)


def _bisect_right(a, x, hi):
    lo = 0
    while lo < hi:
        mid = (lo + hi) // 2
        if x < a[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


def choices(population, weights=None, *, cum_weights=None, k=1):
    """k items of population chosen with replacement, optionally weighted."""
    n = len(population)
    if cum_weights is None:
        if weights is None:
            n += 0.0
            return [population[_floor(random() * n)] for i in range(k)]
        if isinstance(weights, int):
            raise TypeError(
                'The number of choices must be a keyword argument: k=%d'
                % weights)
        cum_weights = []
        total = 0
        for w in weights:
            total = total + w
            cum_weights.append(total)
    elif weights is not None:
        raise TypeError('Cannot specify both weights and cumulative weights')
    if len(cum_weights) != n:
        raise ValueError('The number of weights does not match the population')
    total = cum_weights[-1] + 0.0
    if total <= 0.0:
        raise ValueError('Total of weights must be greater than zero')
    if not _isfinite(total):
        raise ValueError('Total of weights must be finite')
    hi = n - 1
    return [population[_bisect_right(cum_weights, random() * total, hi)]
            for i in range(k)]


def triangular(low=0.0, high=1.0, mode=None):
    """Triangular distribution between low and high, peaking at mode."""
    u = random()
    if mode is None:
        c = 0.5
    elif high == low:
        return low
    else:
        c = (mode - low) / (high - low)
    if u > c:
        u = 1.0 - u
        c = 1.0 - c
        low, high = high, low
    return low + (high - low) * _sqrt(u * c)


def normalvariate(mu=0.0, sigma=1.0):
    """Normal distribution (Kinderman and Monahan's ratio method)."""
    while True:
        u1 = random()
        u2 = 1.0 - random()
        z = NV_MAGICCONST * (u1 - 0.5) / u2
        zz = z * z / 4.0
        if zz <= -_log(u2):
            break
    return mu + z * sigma


def gauss(mu=0.0, sigma=1.0):
    """Normal distribution (Box-Muller; every second call uses the
    value cached by the first)."""
    global _gauss_next
    z = _gauss_next
    _gauss_next = None
    if z is None:
        x2pi = random() * TWOPI
        g2rad = _sqrt(-2.0 * _log(1.0 - random()))
        z = _cos(x2pi) * g2rad
        _gauss_next = _sin(x2pi) * g2rad
    return mu + z * sigma


def lognormvariate(mu, sigma):
    """Log-normal distribution: exp of normalvariate(mu, sigma)."""
    return _exp(normalvariate(mu, sigma))


def expovariate(lambd):
    """Exponential distribution with rate lambd (1 / mean)."""
    return -_log(1.0 - random()) / lambd


def vonmisesvariate(mu, kappa):
    """Circular distribution with mean angle mu and concentration kappa."""
    if kappa <= 1e-6:
        return TWOPI * random()
    s = 0.5 / kappa
    r = s + _sqrt(1.0 + s * s)
    while True:
        u1 = random()
        z = _cos(_pi * u1)
        d = z / (r + z)
        u2 = random()
        if u2 < 1.0 - d * d or u2 <= (1.0 - d) * _exp(d):
            break
    q = 1.0 / r
    f = (q + z) / (1.0 + q * z)
    u3 = random()
    if u3 > 0.5:
        return (mu + _acos(f)) % TWOPI
    return (mu - _acos(f)) % TWOPI


def gammavariate(alpha, beta):
    """Gamma distribution (shape alpha > 0, scale beta > 0)."""
    if alpha <= 0.0 or beta <= 0.0:
        raise ValueError('gammavariate: alpha and beta must be > 0.0')
    if alpha > 1.0:
        # Cheng's rejection algorithm GB.
        ainv = _sqrt(2.0 * alpha - 1.0)
        bbb = alpha - LOG4
        ccc = alpha + ainv
        while True:
            u1 = random()
            if not 1e-7 < u1 < 0.9999999:
                continue
            u2 = 1.0 - random()
            v = _log(u1 / (1.0 - u1)) / ainv
            x = alpha * _exp(v)
            z = u1 * u1 * u2
            r = bbb + ccc * v - x
            if r + SG_MAGICCONST - 4.5 * z >= 0.0 or r >= _log(z):
                return x * beta
    if alpha == 1.0:
        return -_log(1.0 - random()) * beta
    # alpha < 1: ALGORITHM GS of Statistical Computing, Kennedy & Gentle.
    while True:
        u = random()
        b = (_e + alpha) / _e
        p = b * u
        if p <= 1.0:
            x = p ** (1.0 / alpha)
        else:
            x = -_log((b - p) / alpha)
        u1 = random()
        if p > 1.0:
            if u1 <= x ** (alpha - 1.0):
                break
        elif u1 <= _exp(-x):
            break
    return x * beta


def betavariate(alpha, beta):
    """Beta distribution on [0, 1] (alpha > 0, beta > 0)."""
    y = gammavariate(alpha, 1.0)
    if y:
        return y / (y + gammavariate(beta, 1.0))
    return 0.0


def paretovariate(alpha):
    """Pareto distribution with shape alpha."""
    u = 1.0 - random()
    return u ** (-1.0 / alpha)


def weibullvariate(alpha, beta):
    """Weibull distribution with scale alpha and shape beta."""
    u = 1.0 - random()
    return alpha * (-_log(u)) ** (1.0 / beta)
