"""CPU accounting from /proc (Linux), to show who used the cores during a load run.

The server, the load generator and anything else running on the machine (a test suite, an editor)
share the same cores; a load figure means little without knowing how busy the machine was otherwise.
Elsewhere than Linux everything reads as zero and the notes say so.
"""

import os
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def machine_busy() -> float:
    """CPU seconds all cores spent not idle since boot (user, nice, system, irq, softirq, steal)."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return 0.0
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(v) for v in fields[:8])
    return (user + nice + system + irq + softirq + steal) / TICK


def _stat(pid: str) -> tuple[int, float] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    rest = text.rsplit(")", 1)[1].split()
    # After "pid (comm)": state ppid ... utime is field 14 and stime 15 of the whole line.
    return int(rest[1]), (int(rest[11]) + int(rest[12])) / TICK


def tree_cpu(root: int | tuple[int, ...]) -> float:
    """CPU seconds used so far by a process and all its descendants still alive (gunicorn + workers);
    `root` may be several processes (WordPress: nginx and php-fpm)."""
    stats = {}
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if entry.isdigit() and (stat := _stat(entry)):
            stats[int(entry)] = stat
    total, wanted = 0.0, {root} if isinstance(root, int) else set(root)
    changed = True
    while changed:
        changed = False
        for pid, (ppid, _) in stats.items():
            if ppid in wanted and pid not in wanted:
                wanted.add(pid)
                changed = True
    for pid in wanted:
        if pid in stats:
            total += stats[pid][1]
    return total
