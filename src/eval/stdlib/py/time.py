"""time: CPython's time module for nabla.

The clocks come from Rust (`_time`: time, time_ns, perf_counter,
monotonic, process_time, sleep, and localtime_tuple, the C library's
localtime_r). This file adds struct_time, gmtime (pure calendar
arithmetic), localtime, mktime, strftime (the C locale: %a %A %b %B %c %C
%d %D %e %F %G %h %H %I %j %k %l %m %M %n %p %P %r %R %s %S %t %T %u %U %V
%w %W %x %X %y %Y %z %Z %%), asctime, ctime, the *_ns clocks, and
timezone, altzone, daylight and tzname.

Left out: strptime (see datetime.datetime.strptime), tzset,
get_clock_info, thread_time, clock_gettime and friends.
"""

from _time import *
import _time

_DAY_ABBR = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_DAY_NAME = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
             "Saturday", "Sunday"]
_MON_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
             "Oct", "Nov", "Dec"]
_MON_NAME = ["January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December"]

_FIELDS = ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
           "tm_wday", "tm_yday", "tm_isdst"]


class struct_time:
    """The 9-field time tuple of gmtime/localtime, with the tm_* names
    and, from gmtime/localtime, tm_zone and tm_gmtoff."""

    def __init__(self, seq):
        t = tuple(seq)
        if len(t) < 9:
            raise TypeError("time.struct_time() takes an at least 9-sequence "
                            "(%d-sequence given)" % len(t))
        if len(t) > 11:
            raise TypeError("time.struct_time() takes an at most 11-sequence "
                            "(%d-sequence given)" % len(t))
        self._t = t[:9]
        self.tm_year, self.tm_mon, self.tm_mday = t[0], t[1], t[2]
        self.tm_hour, self.tm_min, self.tm_sec = t[3], t[4], t[5]
        self.tm_wday, self.tm_yday, self.tm_isdst = t[6], t[7], t[8]
        self.tm_zone = t[9] if len(t) > 9 else None
        self.tm_gmtoff = t[10] if len(t) > 10 else None
        self.n_fields = 11
        self.n_sequence_fields = 9
        self.n_unnamed_fields = 0

    def __repr__(self):
        parts = ["%s=%r" % (n, v) for n, v in zip(_FIELDS, self._t)]
        return "time.struct_time(" + ", ".join(parts) + ")"

    def __str__(self):
        return self.__repr__()

    def __len__(self):
        return 9

    def __getitem__(self, i):
        return self._t[i]

    def __iter__(self):
        return iter(self._t)

    def __hash__(self):
        return hash(self._t)

    def _other(self, o):
        if isinstance(o, struct_time):
            return o._t
        return o

    def __eq__(self, o):
        return self._t == self._other(o)

    def __ne__(self, o):
        return self._t != self._other(o)

    def __lt__(self, o):
        return self._t < self._other(o)

    def __le__(self, o):
        return self._t <= self._other(o)

    def __gt__(self, o):
        return self._t > self._other(o)

    def __ge__(self, o):
        return self._t >= self._other(o)

    def __add__(self, o):
        return self._t + tuple(o)

    def count(self, x):
        return self._t.count(x)

    def index(self, x):
        return self._t.index(x)


# -- calendar arithmetic (proleptic Gregorian, days counted from 1970-01-01)

def _days_from_civil(y, m, d):
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    mp = (m + 9) % 12
    doy = (153 * mp + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _civil_from_days(z):
    z += 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return (y + (m <= 2), m, d)


def _timegm(y, mon, d, h, mi, s):
    """Seconds since the epoch of a UTC calendar time; months out of
    1..12 and the other fields out of range carry over as in C."""
    y += (mon - 1) // 12
    mon = (mon - 1) % 12 + 1
    return ((_days_from_civil(y, mon, 1) + d - 1) * 86400
            + h * 3600 + mi * 60 + s)


def _secs(secs, now):
    """CPython's conversion of a seconds argument to an integer (floor)."""
    if secs is None:
        return int(now())
    if isinstance(secs, float):
        if secs != secs:
            raise ValueError("Invalid value NaN (not a number)")
        if secs >= 9.2e18 or secs <= -9.2e18:
            raise OverflowError("timestamp out of range for platform time_t")
        i = int(secs)
        return i - 1 if i > secs else i
    if isinstance(secs, int):
        return secs
    raise TypeError("'%s' object cannot be interpreted as an integer"
                    % type(secs).__name__)


def _gmtime_fields(s):
    days = s // 86400
    rem = s - days * 86400
    y, m, d = _civil_from_days(days)
    yday = days - _days_from_civil(y, 1, 1) + 1
    return (y, m, d, rem // 3600, rem % 3600 // 60, rem % 60,
            (days + 3) % 7, yday)


def gmtime(secs=None):
    """The UTC struct_time of secs since the epoch (now if None)."""
    f = _gmtime_fields(_secs(secs, _time.time))
    return struct_time(f + (0, "GMT", 0))


def localtime(secs=None):
    """The local struct_time of secs since the epoch (now if None)."""
    return struct_time(_time.localtime_tuple(_secs(secs, _time.time)))


def _tuple9(t, fname):
    if isinstance(t, struct_time):
        return t._t
    if not isinstance(t, tuple) or len(t) != 9:
        raise TypeError("%s(): illegal time tuple argument" % fname)
    for v in t:
        if not isinstance(v, int):
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(v).__name__)
    return t


def mktime(t):
    """Seconds since the epoch of a local time tuple (inverse of localtime)."""
    f = _tuple9(t, "mktime")
    naive = _timegm(f[0], f[1], f[2], f[3], f[4], f[5])
    guess = naive - _time.localtime_tuple(naive)[10]
    lt = _time.localtime_tuple(guess)
    res = naive - lt[10]
    if f[8] >= 0 and lt[8] != f[8] and daylight:
        # as the C library: the other of standard/summer time was asked for
        res = naive + (altzone if f[8] > 0 else timezone)
    return float(res)


def _checked(t, fname):
    """CPython's checks of a time tuple for strftime and asctime; returns
    the 9 fields with CPython's fixes (0 month/day -> 1, wday mod 7)."""
    f = list(_tuple9(t, fname))
    if f[1] == 0:
        f[1] = 1
    elif f[1] < 0 or f[1] > 12:
        raise ValueError("month out of range")
    if f[2] == 0:
        f[2] = 1
    elif f[2] < 0 or f[2] > 31:
        raise ValueError("day of month out of range")
    if f[3] < 0 or f[3] > 23:
        raise ValueError("hour out of range")
    if f[4] < 0 or f[4] > 59:
        raise ValueError("minute out of range")
    if f[5] < 0 or f[5] > 61:
        raise ValueError("seconds out of range")
    if f[6] + 1 < 0:
        raise ValueError("day of week out of range")
    f[6] = ((f[6] + 1) % 7 + 6) % 7     # C's (wday + 1) % 7, back to Monday=0
    if f[7] == 0:
        f[7] = 1
    elif f[7] < 0 or f[7] > 366:
        raise ValueError("day of year out of range")
    f[8] = -1 if f[8] < -1 else (1 if f[8] > 1 else f[8])
    return f


def _iso_week(y, yday, wday):
    """ISO (year, week) of day yday (1-based) of y, wday Monday=0."""
    w = (yday - wday + 9) // 7
    if w < 1:
        py = y - 1
        pdays = 366 if (py % 4 == 0 and (py % 100 != 0 or py % 400 == 0)) else 365
        return _iso_week(py, yday + pdays, wday)
    days = 366 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 365
    if w == 53 and yday - wday + 3 > days:   # Thursday of the week in next year
        return (y + 1, 1)
    return (y, w)


def _format(fmt, f, zone, gmtoff):
    """strftime over 9 checked fields, the zone name and the UTC offset."""
    y, mon, d, h, mi, s, wd, yd = f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c != "%" or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        k = fmt[i + 1]
        i += 2
        h12 = h % 12 or 12
        if k == "Y":
            out.append(str(y))
        elif k == "m":
            out.append("%02d" % mon)
        elif k == "d":
            out.append("%02d" % d)
        elif k == "e":
            out.append("%2d" % d)
        elif k == "H":
            out.append("%02d" % h)
        elif k == "k":
            out.append("%2d" % h)
        elif k == "I":
            out.append("%02d" % h12)
        elif k == "l":
            out.append("%2d" % h12)
        elif k == "M":
            out.append("%02d" % mi)
        elif k == "S":
            out.append("%02d" % s)
        elif k == "y":
            out.append("%02d" % (y % 100))
        elif k == "C":
            out.append("%02d" % (y // 100))
        elif k == "j":
            out.append("%03d" % yd)
        elif k == "a":
            out.append(_DAY_ABBR[wd])
        elif k == "A":
            out.append(_DAY_NAME[wd])
        elif k == "b" or k == "h":
            out.append(_MON_ABBR[mon - 1])
        elif k == "B":
            out.append(_MON_NAME[mon - 1])
        elif k == "p":
            out.append("AM" if h < 12 else "PM")
        elif k == "P":
            out.append("am" if h < 12 else "pm")
        elif k == "w":
            out.append(str((wd + 1) % 7))
        elif k == "u":
            out.append(str(wd + 1))
        elif k == "U":
            out.append("%02d" % ((yd + 6 - (wd + 1) % 7) // 7))
        elif k == "W":
            out.append("%02d" % ((yd + 6 - wd) // 7))
        elif k == "G":
            out.append(str(_iso_week(y, yd, wd)[0]))
        elif k == "V":
            out.append("%02d" % _iso_week(y, yd, wd)[1])
        elif k == "c":
            out.append("%s %s %2d %02d:%02d:%02d %d" % (
                _DAY_ABBR[wd], _MON_ABBR[mon - 1], d, h, mi, s, y))
        elif k == "x" or k == "D":
            out.append("%02d/%02d/%02d" % (mon, d, y % 100))
        elif k == "X" or k == "T":
            out.append("%02d:%02d:%02d" % (h, mi, s))
        elif k == "r":
            out.append("%02d:%02d:%02d %s" % (h12, mi, s,
                                              "AM" if h < 12 else "PM"))
        elif k == "R":
            out.append("%02d:%02d" % (h, mi))
        elif k == "F":
            out.append("%d-%02d-%02d" % (y, mon, d))
        elif k == "s":
            out.append(str(int(mktime(tuple(f)))))
        elif k == "z":
            sign = "-" if gmtoff < 0 else "+"
            a = abs(gmtoff) // 60
            out.append("%s%02d%02d" % (sign, a // 60, a % 60))
        elif k == "Z":
            out.append(zone)
        elif k == "n":
            out.append("\n")
        elif k == "t":
            out.append("\t")
        elif k == "%":
            out.append("%")
        else:
            out.append("%" + k)
    return "".join(out)


def strftime(format, t=None):
    """Formats a time tuple (local now if None) as the C library does in
    the C locale."""
    if not isinstance(format, str):
        raise TypeError("strftime() argument 1 must be str, not %s"
                        % type(format).__name__)
    if t is None:
        t = localtime()
    f = _checked(t, "strftime")
    if isinstance(t, struct_time) and t.tm_zone is not None:
        zone, off = t.tm_zone, t.tm_gmtoff
    elif f[8] < 0:
        zone, off = "", 0
    else:
        zone, off = tzname[1 if f[8] > 0 else 0], 0
    return _format(format, f, zone, off)


def asctime(t=None):
    """'Tue Nov 14 22:13:20 2023' for a time tuple (local now if None)."""
    if t is None:
        t = localtime()
    f = _checked(t, "asctime")
    return "%s %s%3d %02d:%02d:%02d %d" % (
        _DAY_ABBR[f[6]], _MON_ABBR[f[1] - 1], f[2], f[3], f[4], f[5], f[0])


def ctime(secs=None):
    """asctime(localtime(secs))."""
    return asctime(localtime(secs))


def monotonic_ns():
    return int(_time.monotonic() * 1e9)


def perf_counter_ns():
    return int(_time.perf_counter() * 1e9)


def process_time_ns():
    return int(_time.process_time() * 1e9)


def _zones():
    # As CPython: the zones of January 1st and July 1st of this year.
    year = (365 * 24 + 6) * 3600
    t = int(_time.time()) // year * year
    jan = _time.localtime_tuple(t)
    jul = _time.localtime_tuple(t + year // 2)
    janzone, julzone = -jan[10], -jul[10]
    if janzone < julzone:       # southern hemisphere: DST in January
        return julzone, janzone, int(janzone != julzone), (jul[9], jan[9])
    return janzone, julzone, int(janzone != julzone), (jan[9], jul[9])


timezone, altzone, daylight, tzname = _zones()
