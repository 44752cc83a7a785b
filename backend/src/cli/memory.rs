//! The server's memory returned to the system: glibc's trim threshold set before start.

/// glibc gives threads that allocate at once their own arenas (up to eight per core) and keeps
/// freed memory inside them up to a trim threshold that grows with the largest block freed:
/// under 1,000 connections the server's resident memory reached 115–117 MB. With the threshold
/// held at 64 KB it stays at 85 MB and the cell list is as fast (fewer arenas saved memory too,
/// but cost up to 15 % of it in lock waits). glibc reads `MALLOC_TRIM_THRESHOLD_` before `main`,
/// so the server starts itself again with it set, once, before any thread exists — unless the
/// operator set it or `MALLOC_ARENA_MAX`.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn return_freed_memory() {
    use std::os::unix::process::CommandExt as _;
    /// Bytes of free memory at the top of a heap kept before returning it.
    const TRIM_THRESHOLD: &str = "65536";
    if std::env::var_os("MALLOC_TRIM_THRESHOLD_").is_some()
        || std::env::var_os("MALLOC_ARENA_MAX").is_some()
    {
        return;
    }
    let Ok(exe) = std::env::current_exe() else {
        return;
    };
    let err = std::process::Command::new(exe)
        .args(std::env::args_os().skip(1))
        .env("MALLOC_TRIM_THRESHOLD_", TRIM_THRESHOLD)
        .exec();
    eprintln!("qldv: could not restart with MALLOC_TRIM_THRESHOLD_={TRIM_THRESHOLD}: {err}");
}

/// Elsewhere the allocator is left as it is.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn return_freed_memory() {}
