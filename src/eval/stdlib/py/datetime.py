"""datetime: CPython's datetime module for nabla (proleptic Gregorian).

Covers MINYEAR/MAXYEAR; timedelta (CPython's normalisation, arithmetic
with ints/floats/timedeltas, str/repr, total_seconds, min/max/resolution);
date (today, fromtimestamp, fromordinal, fromisoformat, fromisocalendar,
isoformat, strftime, ctime, weekday, isoweekday, isocalendar, timetuple,
replace, arithmetic, comparisons); time (isoformat, strftime, replace,
fromisoformat, comparisons); datetime (now, utcnow, today, fromtimestamp,
utcfromtimestamp, timestamp, combine, strptime, fromisoformat,
isoformat(sep, timespec), date, time, timetz, replace, astimezone,
timetuple, utctimetuple, arithmetic, comparisons); tzinfo and fixed-offset
timezone (timezone.utc; aware datetimes print their +HH:MM offset).

strptime understands %Y %m %d %H %M %S %f %b %B %a %A %y %j %p %I %z %Z %%.
Left out: fold handling at DST transitions, pickling, %U/%W/%G/%V in
strptime. Timedelta arithmetic that multiplies or divides goes through a
count of microseconds, which nabla's 64-bit ints hold for spans up to
about 290,000 years.
"""

import time as _tm

MINYEAR = 1
MAXYEAR = 9999
_MAXORDINAL = 3652059          # date(9999, 12, 31).toordinal()
_EPOCH_ORD = 719163            # date(1970, 1, 1).toordinal()
_US = 1000000

_DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _days_in_month(y, m):
    if m == 2 and _is_leap(y):
        return 29
    return _DAYS_IN_MONTH[m]


def _ymd2ord(y, m, d):
    return _tm._days_from_civil(y, m, d) + _EPOCH_ORD


def _ord2ymd(n):
    return _tm._civil_from_days(n - _EPOCH_ORD)


def _tname(x):
    return getattr(type(x), "_tname", type(x).__name__)


def _index(v):
    if isinstance(v, int):
        return v
    raise TypeError("'%s' object cannot be interpreted as an integer"
                    % type(v).__name__)


def _check_date(y, m, d):
    y, m, d = _index(y), _index(m), _index(d)
    if not MINYEAR <= y <= MAXYEAR:
        raise ValueError("year %d is out of range" % y)
    if not 1 <= m <= 12:
        raise ValueError("month must be in 1..12")
    if not 1 <= d <= _days_in_month(y, m):
        raise ValueError("day is out of range for month")
    return y, m, d


def _check_time(h, mi, s, us, tz, fold):
    h, mi, s, us = _index(h), _index(mi), _index(s), _index(us)
    if not 0 <= h <= 23:
        raise ValueError("hour must be in 0..23")
    if not 0 <= mi <= 59:
        raise ValueError("minute must be in 0..59")
    if not 0 <= s <= 59:
        raise ValueError("second must be in 0..59")
    if not 0 <= us <= 999999:
        raise ValueError("microsecond must be in 0..999999")
    if fold not in (0, 1):
        raise ValueError("fold must be either 0 or 1")
    _check_tzinfo(tz)
    return h, mi, s, us


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo "
                        "subclass, not type '%s'" % type(tz).__name__)


def _div_round(a, b):
    """a / b for ints, rounded half to even, as CPython's timedelta."""
    q, r = divmod(a, b)
    r2 = r * 2
    if (r2 > b if b > 0 else r2 < b) or (r2 == b and q % 2 == 1):
        q += 1
    return q


# Exact products and quotients of a microsecond count and a float, as
# CPython's (which uses the float's integer ratio and unbounded ints).
# nabla's ints are 64-bit, so the wide intermediate values are kept as
# little-endian lists of 10-bit digits.

def _big(n):
    digits = []
    while n:
        digits.append(n & 1023)
        n >>= 10
    return digits


def _big_mul(a, b):
    out = [0] * (len(a) + len(b) + 1)
    for i in range(len(a)):
        carry = 0
        for j in range(len(b)):
            t = out[i + j] + a[i] * b[j] + carry
            out[i + j] = t & 1023
            carry = t >> 10
        k = i + len(b)
        while carry:
            t = out[k] + carry
            out[k] = t & 1023
            carry = t >> 10
            k += 1
    return out


def _big_int(a):
    n = 0
    for i in range(len(a) - 1, -1, -1):
        if n >= 1 << 53:
            raise OverflowError("timedelta result out of range")
        n = (n << 10) | a[i]
    return n


def _big_inc(a):
    a = a + [0]
    i = 0
    while a[i] == 1023:
        a[i] = 0
        i += 1
    a[i] += 1
    return a


def _big_divmod(a, d):
    """(a // d as digits, a % d) for d < 2**53."""
    q = [0] * len(a)
    r = 0
    for i in range(len(a) - 1, -1, -1):
        r = (r << 10) | a[i]
        q[i] = r // d
        r %= d
    return q, r


def _big_div_round(a, d):
    """round-half-even(a / d) for d < 2**53, as digits."""
    q, r = _big_divmod(a, d)
    if r * 2 > d or (r * 2 == d and q and q[0] & 1):
        q = _big_inc(q)
    return q


def _big_shr_round(a, k):
    """round-half-even(a / 2**k), as digits."""
    q = []
    for i in range(len(a)):             # the bits from k upwards
        bit = k + i * 10
        word, off = bit // 10, bit % 10
        lo = a[word] if word < len(a) else 0
        hi = a[word + 1] if word + 1 < len(a) else 0
        q.append(((lo >> off) | (hi << (10 - off))) & 1023)
    half = k - 1                        # the remainder against 2**(k-1)
    top = (a[half // 10] >> (half % 10)) & 1 if half // 10 < len(a) else 0
    rest = False
    for bit in range(half):
        if bit // 10 < len(a) and (a[bit // 10] >> (bit % 10)) & 1:
            rest = True
            break
    if top and (rest or (q and q[0] & 1)):
        q = _big_inc(q)
    return q


def _td_from_big(a, neg):
    """The timedelta of a (digits) microseconds, negated if neg."""
    q, r = _big_divmod(a, 86400000000)
    days = _big_int(q)
    if neg:
        return timedelta(-days, 0, -r)
    return timedelta(days, 0, r)


def _ratio(f):
    """(m, e) with f == m * 2**e exactly, m an odd int or 0."""
    x = abs(f)
    e = 0
    if x == 0.0:
        return 0, 0
    while x >= 9007199254740992.0:      # halving a float is exact
        x *= 0.5
        e += 1
    while x != float(int(x)):
        x *= 2.0
        e -= 1
    m = int(x)
    while m % 2 == 0:
        m //= 2
        e += 1
    return m, e


def _mul_float(us, f):
    """timedelta(microseconds=us * f), rounded once, half to even."""
    m, e = _ratio(f)
    neg = (us < 0) != (f < 0)
    a = _big_mul(_big(abs(us)), _big(m))
    if e >= 0:
        a = [0] * (e // 10) + _big_mul(a, _big(1 << (e % 10)))
    else:
        a = _big_shr_round(a, -e)
    return _td_from_big(a, neg)


def _div_float(us, f):
    """timedelta(microseconds=us / f), rounded once, half to even."""
    m, e = _ratio(f)
    neg = (us < 0) != (f < 0)
    if e >= 0 and (e >= 53 or m >= 1 << (53 - e)):
        return timedelta(0, 0, round(us / f))   # |result| < 1024
    if e >= 0:
        return _td_from_big(_big_div_round(_big(abs(us)), m << e), neg)
    k = -e
    a = [0] * (k // 10) + _big_mul(_big(abs(us)), _big(1 << (k % 10)))
    return _td_from_big(_big_div_round(a, m), neg)


def _cmp_error(op, a, b):
    return TypeError("'%s' not supported between instances of '%s' and '%s'"
                     % (op, _tname(a), _tname(b)))


def _binop_error(op, a, b):
    return TypeError("unsupported operand type(s) for %s: '%s' and '%s'"
                     % (op, _tname(a), _tname(b)))


def _fmt_offset(off, sep):
    """'+HH<sep>MM[<sep>SS[.ffffff]]' of a timedelta, '' of None."""
    if off is None:
        return ""
    sign = "+"
    if off.days < 0:
        sign = "-"
        off = -off
    mm, ss = divmod(off.seconds, 60)
    hh, mm = divmod(mm, 60)
    s = "%s%02d%s%02d" % (sign, hh, sep, mm)
    if ss or off.microseconds:
        s += "%s%02d" % (sep, ss)
        if off.microseconds:
            s += ".%06d" % off.microseconds
    return s


def _wrap_strftime(obj, fmt, timetuple):
    """Expands %f, %z and %Z (which the C strftime does not know for our
    objects), then lets time.strftime do the rest."""
    if not isinstance(fmt, str):
        raise TypeError("strftime() argument 1 must be str, not %s"
                        % type(fmt).__name__)
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        i += 1
        if c != "%" or i >= n:
            out.append(c)
            continue
        k = fmt[i]
        i += 1
        if k == "f":
            out.append("%06d" % getattr(obj, "microsecond", 0))
        elif k == "z":
            off = obj.utcoffset() if hasattr(obj, "utcoffset") else None
            out.append(_fmt_offset(off, ""))
        elif k == "Z":
            name = obj.tzname() if hasattr(obj, "tzname") else None
            out.append("" if name is None else name.replace("%", "%%"))
        else:
            out.append("%" + k)
    return _tm.strftime("".join(out), timetuple)


class timedelta:
    """A duration: days, seconds (0..86399) and microseconds (0..999999)."""

    _tname = "datetime.timedelta"

    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0,
                 minutes=0, hours=0, weeks=0):
        names = ["days", "seconds", "microseconds", "milliseconds",
                 "minutes", "hours", "weeks"]
        vals = [days, seconds, microseconds, milliseconds, minutes, hours,
                weeks]
        for name, v in zip(names, vals):
            if not isinstance(v, (int, float)):
                raise TypeError("unsupported type for timedelta %s "
                                "component: %s" % (name, type(v).__name__))
        # As CPython: each component's whole part is counted exactly; the
        # fractional parts, in microseconds, are summed and rounded once.
        d = 0
        us = 0
        left = 0.0
        for v, dper, sper, uper in ((microseconds, 0, 0, 1),
                                    (milliseconds, 0, 0, 1000),
                                    (seconds, 0, 1, 0), (minutes, 0, 60, 0),
                                    (hours, 0, 3600, 0), (days, 1, 0, 0),
                                    (weeks, 7, 0, 0)):
            whole = int(v)
            q, r = divmod(whole * sper, 86400)
            d += whole * dper + q
            us += r * _US + whole * uper
            if isinstance(v, float):
                f = (v - whole) * (dper * 86400000000.0 + sper * 1000000.0
                                   + uper)
                fw = int(f)
                us += fw
                left += f - fw
        if left != 0.0:
            r = round(left)
            if abs(r - left) == 0.5:    # a tie: to even, as the total's parity
                odd = us % 2
                r = 2 * round((left + odd) * 0.5) - odd
            us += int(r)
        q, us = divmod(us, _US)
        q, s = divmod(q, 86400)
        d += q
        if abs(d) > 999999999:
            raise OverflowError("days=%d; must have magnitude <= 999999999"
                                % d)
        self.days = d
        self.seconds = s
        self.microseconds = us

    def _us(self):
        return (self.days * 86400 + self.seconds) * _US + self.microseconds

    def total_seconds(self):
        """The duration in seconds, as a float."""
        if abs(self.days) < 100000:
            return self._us() / 10 ** 6
        return (self.days * 86400 + self.seconds) + self.microseconds / 1e6

    def __repr__(self):
        args = []
        if self.days:
            args.append("days=%d" % self.days)
        if self.seconds:
            args.append("seconds=%d" % self.seconds)
        if self.microseconds:
            args.append("microseconds=%d" % self.microseconds)
        if not args:
            args.append("0")
        return "datetime.timedelta(" + ", ".join(args) + ")"

    def __str__(self):
        mm, ss = divmod(self.seconds, 60)
        hh, mm = divmod(mm, 60)
        s = "%d:%02d:%02d" % (hh, mm, ss)
        if self.days:
            plural = "s" if abs(self.days) != 1 else ""
            s = "%d day%s, %s" % (self.days, plural, s)
        if self.microseconds:
            s += ".%06d" % self.microseconds
        return s

    def __format__(self, spec):
        return format(str(self), spec)

    def _key(self):
        return (self.days, self.seconds, self.microseconds)

    def __hash__(self):
        return hash(self._key())

    def __eq__(self, o):
        return isinstance(o, timedelta) and self._key() == o._key()

    def __ne__(self, o):
        return not self.__eq__(o)

    def _cmp(self, o, op):
        if not isinstance(o, timedelta):
            raise _cmp_error(op, self, o)
        a, b = self._key(), o._key()
        return -1 if a < b else (1 if a > b else 0)

    def __lt__(self, o):
        return self._cmp(o, "<") < 0

    def __le__(self, o):
        return self._cmp(o, "<=") <= 0

    def __gt__(self, o):
        return self._cmp(o, ">") > 0

    def __ge__(self, o):
        return self._cmp(o, ">=") >= 0

    def __bool__(self):
        return self.days != 0 or self.seconds != 0 or self.microseconds != 0

    def __add__(self, o):
        if isinstance(o, timedelta):
            return timedelta(self.days + o.days, self.seconds + o.seconds,
                             self.microseconds + o.microseconds)
        if isinstance(o, (date, time)):
            return o.__add__(self)
        raise _binop_error("+", self, o)

    def __radd__(self, o):
        if isinstance(o, timedelta):
            return o.__add__(self)
        raise _binop_error("+", o, self)

    def __sub__(self, o):
        if isinstance(o, timedelta):
            return timedelta(self.days - o.days, self.seconds - o.seconds,
                             self.microseconds - o.microseconds)
        raise _binop_error("-", self, o)

    def __rsub__(self, o):
        raise _binop_error("-", o, self)

    def __neg__(self):
        return timedelta(-self.days, -self.seconds, -self.microseconds)

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self.days < 0 else self

    def __mul__(self, o):
        if isinstance(o, bool) or isinstance(o, int):
            return timedelta(self.days * o, self.seconds * o,
                             self.microseconds * o)
        if isinstance(o, float):
            return _mul_float(self._us(), o)
        if isinstance(o, (str, list, tuple)):
            raise TypeError("can't multiply sequence by non-int of type "
                            "'datetime.timedelta'")
        raise _binop_error("*", self, o)

    def __rmul__(self, o):
        if isinstance(o, (int, float)):
            return self.__mul__(o)
        raise _binop_error("*", o, self)

    def __truediv__(self, o):
        if isinstance(o, timedelta):
            if not o:
                raise ZeroDivisionError("division by zero")
            return self._us() / o._us()
        if isinstance(o, int):
            if o == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            return timedelta(0, 0, _div_round(self._us(), o))
        if isinstance(o, float):
            if o == 0.0:
                raise ZeroDivisionError("float division by zero")
            return _div_float(self._us(), o)
        raise _binop_error("/", self, o)

    def __floordiv__(self, o):
        if isinstance(o, timedelta):
            if not o:
                raise ZeroDivisionError("integer division or modulo by zero")
            return self._us() // o._us()
        if isinstance(o, int):
            if o == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            return timedelta(0, 0, self._us() // o)
        raise _binop_error("//", self, o)

    def __mod__(self, o):
        if isinstance(o, timedelta):
            if not o:
                raise ZeroDivisionError("integer division or modulo by zero")
            return timedelta(0, 0, self._us() % o._us())
        raise _binop_error("%", self, o)

    def __divmod__(self, o):
        if isinstance(o, timedelta):
            q, r = divmod(self._us(), o._us())
            return q, timedelta(0, 0, r)
        raise _binop_error("divmod()", self, o)


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59,
                          microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


class IsoCalendarDate:
    """The (year, week, weekday) of date.isocalendar(), tuple-like."""

    def __init__(self, year, week, weekday):
        self.year = year
        self.week = week
        self.weekday = weekday
        self._t = (year, week, weekday)

    def __repr__(self):
        return ("datetime.IsoCalendarDate(year=%d, week=%d, weekday=%d)"
                % self._t)

    def __getitem__(self, i):
        return self._t[i]

    def __len__(self):
        return 3

    def __iter__(self):
        return iter(self._t)

    def __eq__(self, o):
        if isinstance(o, IsoCalendarDate):
            o = o._t
        return self._t == o

    def __hash__(self):
        return hash(self._t)


def _parse_date(s):
    """(y, m, d) of 'YYYY-MM-DD' or 'YYYYMMDD', else None."""
    if len(s) == 10 and s[4] == "-" and s[7] == "-":
        parts = [s[0:4], s[5:7], s[8:10]]
    elif len(s) == 8:
        parts = [s[0:4], s[4:6], s[6:8]]
    else:
        return None
    for p in parts:
        if not p.isdigit():
            return None
    return int(parts[0]), int(parts[1]), int(parts[2])


def _parse_time(s):
    """(h, m, s, us) of 'HH[:MM[:SS[.ffffff]]]' or 'HH[MM[SS[.f]]]'."""
    us = 0
    for sep in ".,":
        if sep in s:
            s, frac = s.split(sep, 1)
            if not frac.isdigit():
                return None
            us = int((frac + "000000")[:6])
            break
    else:
        frac = None
    if ":" in s:
        parts = s.split(":")
    elif len(s) in (2, 4, 6):
        parts = [s[i:i + 2] for i in range(0, len(s), 2)]
    else:
        return None
    if len(parts) > 3 or (frac is not None and len(parts) != 3):
        return None
    for p in parts:
        if len(p) != 2 or not p.isdigit():
            return None
    vals = [int(p) for p in parts] + [0, 0]
    return vals[0], vals[1], vals[2], us


def _parse_time_tz(s):
    """(h, m, s, us, tzinfo) of an ISO time with an optional offset."""
    tz = None
    for i in range(len(s)):
        c = s[i]
        if c == "Z" or c == "+" or c == "-":
            tzs = s[i:]
            s = s[:i]
            if tzs == "Z":
                tz = timezone.utc
            else:
                off = _parse_time(tzs[1:])
                if off is None:
                    return None
                td = timedelta(hours=off[0], minutes=off[1], seconds=off[2],
                               microseconds=off[3])
                tz = timezone(-td if tzs[0] == "-" else td)
            break
    t = _parse_time(s)
    if t is None:
        return None
    return t[0], t[1], t[2], t[3], tz


class date:
    """A calendar date: year, month, day."""

    _tname = "datetime.date"

    def __init__(self, year, month, day):
        self.year, self.month, self.day = _check_date(year, month, day)

    # -- constructors
    @classmethod
    def today(cls):
        return cls.fromtimestamp(_tm.time())

    @classmethod
    def fromtimestamp(cls, t):
        lt = _tm.localtime(t)
        return cls(lt[0], lt[1], lt[2])

    @classmethod
    def fromordinal(cls, n):
        n = _index(n)
        if n < 1:
            raise ValueError("ordinal must be >= 1")
        if n > _MAXORDINAL:
            raise ValueError("year %d is out of range" % _ord2ymd(n)[0])
        y, m, d = _ord2ymd(n)
        return cls(y, m, d)

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        ymd = _parse_date(s)
        if ymd is None:
            raise ValueError("Invalid isoformat string: %r" % s)
        return cls(ymd[0], ymd[1], ymd[2])

    @classmethod
    def fromisocalendar(cls, year, week, day):
        if not MINYEAR <= year <= MAXYEAR:
            raise ValueError("Year is out of range: %d" % year)
        if not 0 < week < 53:
            jan1 = (_ymd2ord(year, 1, 1) + 6) % 7
            if not (week == 53 and (jan1 == 3 or (jan1 == 2 and
                                                   _is_leap(year)))):
                raise ValueError("Invalid week: %d" % week)
        if not 0 < day < 8:
            raise ValueError("Invalid weekday: %d (range is [1, 7])" % day)
        n = _iso_week1_monday(year) + (week - 1) * 7 + (day - 1)
        y, m, d = _ord2ymd(n)
        return cls(y, m, d)

    # -- queries
    def toordinal(self):
        return _ymd2ord(self.year, self.month, self.day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        y = self.year
        n = self.toordinal()
        w1 = _iso_week1_monday(y)
        if n < w1:
            y -= 1
            w1 = _iso_week1_monday(y)
        elif n >= _iso_week1_monday(y + 1):
            y += 1
            w1 = _iso_week1_monday(y)
        return IsoCalendarDate(y, (n - w1) // 7 + 1, (n - w1) % 7 + 1)

    def timetuple(self):
        return _tm.struct_time((self.year, self.month, self.day, 0, 0, 0,
                                self.weekday(), self._yday(), -1))

    def _yday(self):
        return self.toordinal() - _ymd2ord(self.year, 1, 1) + 1

    def replace(self, year=None, month=None, day=None):
        return date(self.year if year is None else year,
                    self.month if month is None else month,
                    self.day if day is None else day)

    # -- formatting
    def isoformat(self):
        return "%04d-%02d-%02d" % (self.year, self.month, self.day)

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        return "datetime.date(%d, %d, %d)" % (self.year, self.month, self.day)

    def ctime(self):
        return "%s %s %2d 00:00:00 %04d" % (
            _tm._DAY_ABBR[self.weekday()], _tm._MON_ABBR[self.month - 1],
            self.day, self.year)

    def strftime(self, fmt):
        return _wrap_strftime(self, fmt, self.timetuple())

    def __format__(self, spec):
        if not isinstance(spec, str):
            raise TypeError("must be str, not %s" % type(spec).__name__)
        if spec:
            return self.strftime(spec)
        return str(self)

    # -- comparisons and arithmetic
    def _dkey(self, o, op):
        if isinstance(o, datetime) != isinstance(self, datetime) and \
                isinstance(o, date):
            if op is None:
                return None
            raise TypeError("can't compare %s to %s" % (
                _tname(o) if isinstance(o, datetime) else _tname(self),
                "datetime.date"))
        if not isinstance(o, date):
            if op is None:
                return None
            raise _cmp_error(op, self, o)
        return o.toordinal()

    def __eq__(self, o):
        k = self._dkey(o, None)
        return k is not None and self.toordinal() == k

    def __ne__(self, o):
        return not self.__eq__(o)

    def __lt__(self, o):
        return self.toordinal() < self._dkey(o, "<")

    def __le__(self, o):
        return self.toordinal() <= self._dkey(o, "<=")

    def __gt__(self, o):
        return self.toordinal() > self._dkey(o, ">")

    def __ge__(self, o):
        return self.toordinal() >= self._dkey(o, ">=")

    def __hash__(self):
        return hash((self.year, self.month, self.day))

    def __add__(self, o):
        if not isinstance(o, timedelta):
            raise _binop_error("+", self, o)
        n = self.toordinal() + o.days
        if 0 < n <= _MAXORDINAL:
            y, m, d = _ord2ymd(n)
            return date(y, m, d)
        raise OverflowError("date value out of range")

    def __radd__(self, o):
        if isinstance(o, timedelta):
            return self.__add__(o)
        raise _binop_error("+", o, self)

    def __sub__(self, o):
        if isinstance(o, timedelta):
            return self + timedelta(-o.days)
        if isinstance(o, date) and not isinstance(o, datetime):
            return timedelta(self.toordinal() - o.toordinal())
        raise _binop_error("-", self, o)

    def __rsub__(self, o):
        raise _binop_error("-", o, self)


def _iso_week1_monday(y):
    """Ordinal of the Monday of ISO week 1 of year y."""
    jan1 = _ymd2ord(y, 1, 1)
    wd = (jan1 + 6) % 7
    monday = jan1 - wd
    if wd > 3:
        monday += 7
    return monday


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


class tzinfo:
    """Base class of time zones: subclasses define utcoffset, dst, tzname."""

    _tname = "datetime.tzinfo"

    def utcoffset(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement utcoffset()")

    def dst(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement dst()")

    def tzname(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement tzname()")

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc() requires a datetime argument")
        if dt.tzinfo is not self:
            raise ValueError("dt.tzinfo is not self")
        off = dt.utcoffset()
        dst = dt.dst()
        if off is None or dst is None:
            raise ValueError("fromutc() requires a non-None utcoffset() "
                             "and dst() result")
        dt = dt + (off - dst)
        dst = dt.dst()
        if dst is None:
            raise ValueError("fromutc(): dt.dst gave inconsistent results; "
                             "cannot convert")
        return dt + dst


class timezone(tzinfo):
    """A fixed offset from UTC, optionally named."""

    _tname = "datetime.timezone"

    def __init__(self, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime.timedelta,"
                            " not %s" % type(offset).__name__)
        if name is not None and not isinstance(name, str):
            raise TypeError("timezone() argument 2 must be str, not %s"
                            % type(name).__name__)
        if not -timedelta(hours=24) < offset < timedelta(hours=24):
            raise ValueError("offset must be a timedelta strictly between "
                             "-timedelta(hours=24) and timedelta(hours=24), "
                             "not %r." % (offset,))
        self._offset = offset
        self._name = name

    def utcoffset(self, dt):
        return self._offset

    def dst(self, dt):
        return None

    def tzname(self, dt):
        if self._name is not None:
            return self._name
        if not self._offset:
            return "UTC"
        return "UTC" + _fmt_offset(self._offset, ":")

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc() argument must be a datetime instance"
                            " or None")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        return dt + self._offset

    def __repr__(self):
        if self._name is None and not self._offset:
            return "datetime.timezone.utc"
        if self._name is None:
            return "datetime.timezone(%r)" % (self._offset,)
        return "datetime.timezone(%r, %r)" % (self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def __eq__(self, o):
        return isinstance(o, timezone) and self._offset == o._offset

    def __ne__(self, o):
        return not self.__eq__(o)

    def __hash__(self):
        return hash(self._offset)


timezone.utc = timezone(timedelta(0))
timezone.min = timezone(-timedelta(hours=23, minutes=59))
timezone.max = timezone(timedelta(hours=23, minutes=59))


def _call_offset(tz, what, dt):
    if tz is None:
        return None
    off = getattr(tz, what)(dt)
    if off is not None and not isinstance(off, timedelta):
        raise TypeError("tzinfo.%s() must return None or timedelta, not '%s'"
                        % (what, type(off).__name__))
    return off


def _time_iso(h, m, s, us, timespec):
    if timespec == "auto":
        timespec = "microseconds" if us else "seconds"
    if timespec == "hours":
        return "%02d" % h
    if timespec == "minutes":
        return "%02d:%02d" % (h, m)
    if timespec == "seconds":
        return "%02d:%02d:%02d" % (h, m, s)
    if timespec == "milliseconds":
        return "%02d:%02d:%02d.%03d" % (h, m, s, us // 1000)
    if timespec == "microseconds":
        return "%02d:%02d:%02d.%06d" % (h, m, s, us)
    raise ValueError("Unknown timespec value")


def _time_repr_args(h, m, s, us):
    args = [h, m, s, us]
    if args[-1] == 0:
        args.pop()
        if args[-1] == 0:
            args.pop()
    return ", ".join(["%d" % a for a in args])


class time:
    """A time of day: hour, minute, second, microsecond, tzinfo."""

    _tname = "datetime.time"

    def __init__(self, hour=0, minute=0, second=0, microsecond=0,
                 tzinfo=None, *, fold=0):
        self.hour, self.minute, self.second, self.microsecond = _check_time(
            hour, minute, second, microsecond, tzinfo, fold)
        self.tzinfo = tzinfo
        self.fold = fold

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        t = _parse_time_tz(s[1:] if s[:1] == "T" else s)
        if t is None:
            raise ValueError("Invalid isoformat string: %r" % s)
        return cls(t[0], t[1], t[2], t[3], t[4])

    def utcoffset(self):
        return _call_offset(self.tzinfo, "utcoffset", None)

    def dst(self):
        return _call_offset(self.tzinfo, "dst", None)

    def tzname(self):
        return None if self.tzinfo is None else self.tzinfo.tzname(None)

    def isoformat(self, timespec="auto"):
        s = _time_iso(self.hour, self.minute, self.second, self.microsecond,
                      timespec)
        return s + _fmt_offset(self.utcoffset(), ":")

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        s = "datetime.time(" + _time_repr_args(
            self.hour, self.minute, self.second, self.microsecond)
        if self.tzinfo is not None:
            s += ", tzinfo=%r" % (self.tzinfo,)
        if self.fold:
            s += ", fold=1"
        return s + ")"

    def strftime(self, fmt):
        tt = (1900, 1, 1, self.hour, self.minute, self.second, 0, 1, -1)
        return _wrap_strftime(self, fmt, tt)

    def __format__(self, spec):
        return self.strftime(spec) if spec else str(self)

    def replace(self, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True, *, fold=None):
        return time(self.hour if hour is None else hour,
                    self.minute if minute is None else minute,
                    self.second if second is None else second,
                    self.microsecond if microsecond is None else microsecond,
                    self.tzinfo if tzinfo is True else tzinfo,
                    fold=self.fold if fold is None else fold)

    def _key(self, o, op):
        if not isinstance(o, time):
            if op is None:
                return None
            raise _cmp_error(op, self, o)
        a, b = self.utcoffset(), o.utcoffset()
        if (a is None) != (b is None):
            if op is None:
                return None
            raise TypeError("can't compare offset-naive and offset-aware "
                            "times")
        k1 = (self.hour * 3600 + self.minute * 60 + self.second) * _US \
            + self.microsecond
        k2 = (o.hour * 3600 + o.minute * 60 + o.second) * _US + o.microsecond
        if a is not None:
            k1 -= a._us()
            k2 -= b._us()
        return k1, k2

    def __eq__(self, o):
        k = self._key(o, None)
        return k is not None and k[0] == k[1]

    def __ne__(self, o):
        return not self.__eq__(o)

    def __lt__(self, o):
        k = self._key(o, "<")
        return k[0] < k[1]

    def __le__(self, o):
        k = self._key(o, "<=")
        return k[0] <= k[1]

    def __gt__(self, o):
        k = self._key(o, ">")
        return k[0] > k[1]

    def __ge__(self, o):
        k = self._key(o, ">=")
        return k[0] >= k[1]

    def __hash__(self):
        return hash((self.hour, self.minute, self.second, self.microsecond,
                     self.utcoffset()))

    def __bool__(self):
        return True


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


class datetime(date):
    """A date and a time of day, naive or aware (with a tzinfo)."""

    _tname = "datetime.datetime"

    def __init__(self, year, month, day, hour=0, minute=0, second=0,
                 microsecond=0, tzinfo=None, *, fold=0):
        self.year, self.month, self.day = _check_date(year, month, day)
        self.hour, self.minute, self.second, self.microsecond = _check_time(
            hour, minute, second, microsecond, tzinfo, fold)
        self.tzinfo = tzinfo
        self.fold = fold

    # -- constructors
    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_tm.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_tm.time())

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_tm.time())

    @classmethod
    def _from_ts(cls, t, utc, tz):
        if not isinstance(t, (int, float)):
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(t).__name__)
        us = 0
        if isinstance(t, float):
            if t != t:
                raise ValueError("Invalid value NaN (not a number)")
            whole = int(t)
            us = round((t - whole) * 1e6)
            t = whole
            if us >= _US:
                t += 1
                us -= _US
            elif us < 0:
                t -= 1
                us += _US
        f = _tm.gmtime(t) if utc else _tm.localtime(t)
        return cls(f[0], f[1], f[2], f[3], f[4], min(f[5], 59), us, tz)

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_tzinfo(tz)
        if tz is None:
            return cls._from_ts(t, False, None)
        return tz.fromutc(cls._from_ts(t, True, tz))

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls._from_ts(t, True, None)

    @classmethod
    def combine(cls, date_, time_, tzinfo=True):
        if not isinstance(date_, date):
            raise TypeError("combine() argument 1 must be datetime.date, "
                            "not %s" % type(date_).__name__)
        if not isinstance(time_, time):
            raise TypeError("combine() argument 2 must be datetime.time, "
                            "not %s" % type(time_).__name__)
        if tzinfo is True:
            tzinfo = time_.tzinfo
        return cls(date_.year, date_.month, date_.day, time_.hour,
                   time_.minute, time_.second, time_.microsecond, tzinfo,
                   fold=time_.fold)

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        n = 10 if len(s) >= 5 and s[4] == "-" else 8
        ymd = _parse_date(s[:n])
        t = (0, 0, 0, 0, None)
        if ymd is not None and len(s) > n:
            t = _parse_time_tz(s[n + 1:]) if len(s) > n + 1 else None
        if ymd is None or t is None:
            raise ValueError("Invalid isoformat string: %r" % s)
        return cls(ymd[0], ymd[1], ymd[2], t[0], t[1], t[2], t[3], t[4])

    @classmethod
    def strptime(cls, date_string, format):
        for v, what in ((date_string, 1), (format, 2)):
            if not isinstance(v, str):
                raise TypeError("strptime() argument %d must be str, not %s"
                                % (what, type(v).__name__))
        f = _strptime(date_string, format)
        return cls(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7])

    # -- parts
    def date(self):
        return date(self.year, self.month, self.day)

    def time(self):
        return time(self.hour, self.minute, self.second, self.microsecond,
                    fold=self.fold)

    def timetz(self):
        return time(self.hour, self.minute, self.second, self.microsecond,
                    self.tzinfo, fold=self.fold)

    def replace(self, year=None, month=None, day=None, hour=None,
                minute=None, second=None, microsecond=None, tzinfo=True, *,
                fold=None):
        return datetime(
            self.year if year is None else year,
            self.month if month is None else month,
            self.day if day is None else day,
            self.hour if hour is None else hour,
            self.minute if minute is None else minute,
            self.second if second is None else second,
            self.microsecond if microsecond is None else microsecond,
            self.tzinfo if tzinfo is True else tzinfo,
            fold=self.fold if fold is None else fold)

    def utcoffset(self):
        return _call_offset(self.tzinfo, "utcoffset", self)

    def dst(self):
        return _call_offset(self.tzinfo, "dst", self)

    def tzname(self):
        return None if self.tzinfo is None else self.tzinfo.tzname(self)

    def timetuple(self):
        dst = self.dst()
        flag = -1 if dst is None else (1 if dst else 0)
        return _tm.struct_time((self.year, self.month, self.day, self.hour,
                                self.minute, self.second, self.weekday(),
                                self._yday(), flag))

    def utctimetuple(self):
        off = self.utcoffset()
        dt = self if off is None else self - off
        return _tm.struct_time((dt.year, dt.month, dt.day, dt.hour,
                                dt.minute, dt.second, dt.weekday(),
                                dt._yday(), 0))

    def timestamp(self):
        if self.utcoffset() is None:
            s = _tm.mktime((self.year, self.month, self.day, self.hour,
                            self.minute, self.second, 0, 1, -1))
            return s + self.microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def astimezone(self, tz=None):
        if tz is None:
            lt = _tm.localtime(int(self.timestamp() // 1))
            tz = timezone(timedelta(seconds=lt.tm_gmtoff), lt.tm_zone)
        _check_tzinfo(tz)
        off = self.utcoffset()
        if off is None:
            utc = datetime.utcfromtimestamp(self.timestamp())
        else:
            utc = self - off
        return tz.fromutc(utc.replace(tzinfo=tz))

    # -- formatting
    def isoformat(self, sep="T", timespec="auto"):
        s = "%04d-%02d-%02d%s" % (self.year, self.month, self.day, sep)
        s += _time_iso(self.hour, self.minute, self.second, self.microsecond,
                       timespec)
        return s + _fmt_offset(self.utcoffset(), ":")

    def __str__(self):
        return self.isoformat(sep=" ")

    def __repr__(self):
        s = "datetime.datetime(%d, %d, %d, %s" % (
            self.year, self.month, self.day, _time_repr_args(
                self.hour, self.minute, self.second, self.microsecond))
        if self.tzinfo is not None:
            s += ", tzinfo=%r" % (self.tzinfo,)
        if self.fold:
            s += ", fold=1"
        return s + ")"

    def ctime(self):
        return "%s %s %2d %02d:%02d:%02d %04d" % (
            _tm._DAY_ABBR[self.weekday()], _tm._MON_ABBR[self.month - 1],
            self.day, self.hour, self.minute, self.second, self.year)

    def strftime(self, fmt):
        return _wrap_strftime(self, fmt, self.timetuple())

    # -- comparisons and arithmetic
    def _secs(self):
        return (self.toordinal() * 86400 + self.hour * 3600
                + self.minute * 60 + self.second)

    def _key(self, o, op):
        """(self, o) as comparable (seconds, microseconds) pairs."""
        if not isinstance(o, datetime):
            if op is None:
                return None
            if isinstance(o, date):
                raise TypeError("can't compare datetime.datetime to %s"
                                % _tname(o))
            raise _cmp_error(op, self, o)
        a, b = self.utcoffset(), o.utcoffset()
        if (a is None) != (b is None):
            if op is None:
                return None
            raise TypeError("can't compare offset-naive and offset-aware "
                            "datetimes")
        k1 = (self._secs(), self.microsecond)
        k2 = (o._secs(), o.microsecond)
        if a is not None and not (self.tzinfo is o.tzinfo):
            k1 = (k1[0] - a.days * 86400 - a.seconds, k1[1] - a.microseconds)
            k2 = (k2[0] - b.days * 86400 - b.seconds, k2[1] - b.microseconds)
            k1 = (k1[0] + k1[1] // _US, k1[1] % _US)
            k2 = (k2[0] + k2[1] // _US, k2[1] % _US)
        return k1, k2

    def __eq__(self, o):
        k = self._key(o, None)
        return k is not None and k[0] == k[1]

    def __ne__(self, o):
        return not self.__eq__(o)

    def __lt__(self, o):
        k = self._key(o, "<")
        return k[0] < k[1]

    def __le__(self, o):
        k = self._key(o, "<=")
        return k[0] <= k[1]

    def __gt__(self, o):
        k = self._key(o, ">")
        return k[0] > k[1]

    def __ge__(self, o):
        k = self._key(o, ">=")
        return k[0] >= k[1]

    def __hash__(self):
        off = self.utcoffset()
        s = self._secs()
        us = self.microsecond
        if off is not None:
            s -= off.days * 86400 + off.seconds
            us -= off.microseconds
        return hash((s + us // _US, us % _US))

    def __add__(self, o):
        if not isinstance(o, timedelta):
            raise _binop_error("+", self, o)
        us = self.microsecond + o.microseconds
        s = (self.hour * 3600 + self.minute * 60 + self.second + o.seconds
             + us // _US)
        n = self.toordinal() + o.days + s // 86400
        s %= 86400
        if not 0 < n <= _MAXORDINAL:
            raise OverflowError("date value out of range")
        y, m, d = _ord2ymd(n)
        return datetime(y, m, d, s // 3600, s % 3600 // 60, s % 60,
                        us % _US, self.tzinfo)

    def __radd__(self, o):
        if isinstance(o, timedelta):
            return self.__add__(o)
        raise _binop_error("+", o, self)

    def __sub__(self, o):
        if isinstance(o, timedelta):
            return self + -o
        if not isinstance(o, datetime):
            raise _binop_error("-", self, o)
        a, b = self.utcoffset(), o.utcoffset()
        if (a is None) != (b is None):
            raise TypeError("can't subtract offset-naive and offset-aware "
                            "datetimes")
        d = timedelta(self.toordinal() - o.toordinal(),
                      self._secs() - o._secs() - (self.toordinal()
                                                  - o.toordinal()) * 86400,
                      self.microsecond - o.microsecond)
        if a is not None and not (self.tzinfo is o.tzinfo):
            d = d - a + b
        return d


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)

# -- strptime

_NUMERIC = {"Y": (4, 4, 0, 9999), "m": (1, 2, 1, 12), "d": (1, 2, 1, 31),
            "H": (1, 2, 0, 23), "I": (1, 2, 1, 12), "M": (1, 2, 0, 59),
            "S": (1, 2, 0, 61), "f": (1, 6, 0, 999999), "y": (2, 2, 0, 99),
            "j": (1, 3, 1, 366)}
_NAMES = {"b": _tm._MON_ABBR, "B": _tm._MON_NAME, "a": _tm._DAY_ABBR,
          "A": _tm._DAY_NAME, "p": ["AM", "PM"]}


def _match_number(s, i, lo_w, hi_w, lo, hi):
    """(value, end) of the longest run of lo_w..hi_w digits at s[i:] whose
    value is within lo..hi, or None."""
    j = i
    while j < len(s) and j - i < hi_w and s[j].isdigit():
        j += 1
    while j - i >= lo_w:
        v = int(s[i:j])
        if lo <= v <= hi:
            return v, j
        j -= 1
    return None


def _match_name(s, i, names):
    low = s[i:].lower()
    best = None
    for k in range(len(names)):
        nm = names[k].lower()
        if low.startswith(nm) and (best is None or len(nm) > best[1]):
            best = (k, len(nm))
    if best is None:
        return None
    return best[0], i + best[1]


def _match_offset(s, i):
    """(timedelta, end) of 'Z' or +HH[:]MM[[:]SS[.ffffff]] at s[i:]."""
    if s[i:i + 1] in ("Z", "z"):
        return timedelta(0), i + 1
    if s[i:i + 1] not in ("+", "-"):
        return None
    j = i + 1
    parts = []
    frac = 0
    while len(parts) < 3:
        if parts and s[j:j + 1] == ":":
            j += 1
        seg = s[j:j + 2]
        if len(seg) != 2 or not seg.isdigit():
            break
        parts.append(int(seg))
        j += 2
    if len(parts) < 2 or parts[1] > 59 or (len(parts) == 3 and
                                            parts[2] > 59):
        return None
    if len(parts) == 3 and s[j:j + 1] == ".":
        k = j + 1
        while k < len(s) and k - j <= 6 and s[k].isdigit():
            k += 1
        if k > j + 1:
            frac = int((s[j + 1:k] + "000000")[:6])
            j = k
    td = timedelta(hours=parts[0], minutes=parts[1],
                   seconds=parts[2] if len(parts) == 3 else 0,
                   microseconds=frac)
    return (-td if s[i] == "-" else td), j


def _strptime(data, fmt):
    """(y, m, d, H, M, S, us, tzinfo) parsed from data by fmt."""
    found = {}
    i = 0
    k = 0
    nfmt = len(fmt)
    fail = ValueError("time data %r does not match format %r" % (data, fmt))
    k = 0
    while k < nfmt:             # CPython rejects a bad format before matching
        if fmt[k] == "%":
            if k + 1 >= nfmt:
                raise ValueError("stray %% in format '%s'" % fmt)
            code = fmt[k + 1]
            if code not in _NUMERIC and code not in _NAMES and \
                    code not in "zZ%":
                raise ValueError("'%s' is a bad directive in format '%s'"
                                 % (code, fmt))
            k += 1
        k += 1
    k = 0
    while k < nfmt:
        c = fmt[k]
        if c == "%":
            if k + 1 >= nfmt:
                raise ValueError("stray %% in format '%s'" % fmt)
            code = fmt[k + 1]
            k += 2
            if code in _NUMERIC:
                spec = _NUMERIC[code]
                r = _match_number(data, i, spec[0], spec[1], spec[2], spec[3])
                if r is not None and code == "f":
                    r = (int((data[i:r[1]] + "000000")[:6]), r[1])
            elif code in _NAMES:
                r = _match_name(data, i, _NAMES[code])
            elif code == "z":
                r = _match_offset(data, i)
            elif code == "Z":
                r = _match_name(data, i, ["UTC", "GMT"] + list(_tm.tzname))
            elif code == "%":
                r = (None, i + 1) if data[i:i + 1] == "%" else None
            else:
                raise ValueError("'%s' is a bad directive in format '%s'"
                                 % (code, fmt))
            if r is None:
                raise fail
            found[code] = r[0]
            i = r[1]
        elif c.isspace():
            while k < nfmt and fmt[k].isspace():
                k += 1
            if i >= len(data) or not data[i].isspace():
                raise fail
            while i < len(data) and data[i].isspace():
                i += 1
        else:
            if data[i:i + 1].lower() != c.lower():
                raise fail
            i += 1
            k += 1
    if i < len(data):
        raise ValueError("unconverted data remains: %s" % data[i:])
    year = found.get("Y", 1900)
    if "y" in found:
        year = found["y"] + (2000 if found["y"] < 69 else 1900)
    if "B" in found:
        month = found["B"] + 1
    elif "b" in found:
        month = found["b"] + 1
    else:
        month = found.get("m", 1)
    day = found.get("d", 1)
    hour = found.get("H", 0)
    if "I" in found:
        hour = found["I"] % 12
        if found.get("p") == 1:
            hour += 12
    if "j" in found:
        n = _ymd2ord(year, 1, 1) + found["j"] - 1
        year, month, day = _ord2ymd(n)
    tz = None
    if "z" in found:
        off = found["z"]
        tz = timezone.utc if not off else timezone(off)
    return (year, month, day, hour, found.get("M", 0), found.get("S", 0),
            found.get("f", 0), tz)
