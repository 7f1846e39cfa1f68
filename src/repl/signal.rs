//! Ctrl-C: SIGINT sets the session's interrupt flag, so running code stops with
//! KeyboardInterrupt at its next check and the session keeps its state.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// The running session's interrupt flag, and whether a second Ctrl-C before the first was
/// noticed ends the process (scripts) or not (the REPL, which must keep its state).
static FLAG: Mutex<Option<Arc<AtomicBool>>> = Mutex::new(None);
static EXIT_ON_SECOND: AtomicBool = AtomicBool::new(false);
/// A copy of the flag's address the handler can read without locking.
static RAW: std::sync::atomic::AtomicPtr<AtomicBool> =
    std::sync::atomic::AtomicPtr::new(std::ptr::null_mut());

extern "C" fn on_sigint(_: libc::c_int) {
    let flag = RAW.load(Ordering::Acquire);
    if flag.is_null() {
        return;
    }
    // Safety: RAW points into an Arc kept alive in FLAG until replaced by `catch_ctrl_c`.
    let flag = unsafe { &*flag };
    if flag.swap(true, Ordering::Relaxed) && EXIT_ON_SECOND.load(Ordering::Relaxed) {
        // A second Ctrl-C before the program noticed the first one: leave now.
        unsafe { libc::_exit(130) };
    }
}

/// Routes Ctrl-C to `flag` (replacing any earlier flag).
pub fn catch_ctrl_c(flag: Arc<AtomicBool>, exit_on_second: bool) {
    EXIT_ON_SECOND.store(exit_on_second, Ordering::Relaxed);
    if let Ok(mut slot) = FLAG.lock() {
        RAW.store(Arc::as_ptr(&flag) as *mut AtomicBool, Ordering::Release);
        // The old flag stays alive until after the pointer moved off it.
        *slot = Some(flag);
    }
    let handler = on_sigint as extern "C" fn(libc::c_int);
    unsafe {
        libc::signal(libc::SIGINT, handler as libc::sighandler_t);
    }
}
