//! `_time`: the clock primitives under time.py (perf_counter, time, sleep, localtime_tuple).

use crate::eval::lang::builtins::{table, to_float, to_int};
use crate::eval::lang::exc::{err, value_err};
use crate::eval::lang::value::*;

table! { TIME:
    "perf_counter", "perf_counter()", "Seconds from a fixed point, for measuring durations." => |it, _| Ok(Value::Float(it.start.elapsed().as_secs_f64()));
    "monotonic", "monotonic()", "Seconds from a fixed point; never goes back." => |it, _| Ok(Value::Float(it.start.elapsed().as_secs_f64()));
    "process_time", "process_time()", "Seconds from a fixed point (wall time in nabla)." => |it, _| Ok(Value::Float(it.start.elapsed().as_secs_f64()));
    "time", "time()", "Seconds since the Unix epoch." => |_, _| {
        let d = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        Ok(Value::Float(d.as_secs_f64()))
    };
    "time_ns", "time_ns()", "Nanoseconds since the Unix epoch." => |_, _| {
        let d = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        Ok(Value::Int(d.as_nanos() as i64))
    };
    "localtime_tuple", "localtime_tuple(secs)", "(tm_year, tm_mon, tm_mday, tm_hour, tm_min, tm_sec, tm_wday, tm_yday, tm_isdst, tm_zone, tm_gmtoff) from the C library's localtime_r." => |_, a| {
        let secs = to_int(&a.req(0, "secs")?, "secs")?;
        let t = secs as libc::time_t;
        // SAFETY: localtime_r writes only into the zeroed tm it is given.
        let mut tm: libc::tm = unsafe { std::mem::zeroed() };
        let ok = unsafe { !libc::localtime_r(&t, &mut tm).is_null() };
        if !ok {
            return Err(err("OverflowError", "timestamp out of range for platform time_t"));
        }
        let zone = if tm.tm_zone.is_null() {
            String::new()
        } else {
            // SAFETY: tm_zone points at a NUL-terminated name owned by the C library.
            unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }.to_string_lossy().into_owned()
        };
        Ok(Value::tuple(vec![
            Value::Int(tm.tm_year as i64 + 1900),
            Value::Int(tm.tm_mon as i64 + 1),
            Value::Int(tm.tm_mday as i64),
            Value::Int(tm.tm_hour as i64),
            Value::Int(tm.tm_min as i64),
            Value::Int(tm.tm_sec as i64),
            Value::Int((tm.tm_wday as i64 + 6) % 7),
            Value::Int(tm.tm_yday as i64 + 1),
            Value::Int(tm.tm_isdst as i64),
            Value::str(&zone),
            Value::Int(tm.tm_gmtoff),
        ]))
    };
    "sleep", "sleep(secs)", "Waits secs seconds (an interrupt stops the wait)." => |it, a| {
        let s = to_float(&a.req(0, "secs")?, "secs")?;
        if s < 0.0 {
            return Err(value_err("sleep length must be non-negative"));
        }
        let end = std::time::Instant::now() + std::time::Duration::from_secs_f64(s.min(1e9));
        loop {
            it.check_interrupt()?;
            let now = std::time::Instant::now();
            if now >= end {
                break;
            }
            std::thread::sleep((end - now).min(std::time::Duration::from_millis(20)));
        }
        Ok(Value::None)
    };
}
