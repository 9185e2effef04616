"""Running footback in a child process that reports its own peak memory (tests and bench/)."""

# Runs footback and, at exit, writes the process's own peak resident memory (VmHWM, KiB) to the
# file named by PEAK_FILE. ru_maxrss from wait4 cannot be used: Linux carries the parent's
# high-water mark across fork and exec, so a child would report at least the caller's size.
LAUNCH = """
import atexit, os, sys

def _peak():
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmHWM:"))
    with open(os.environ["PEAK_FILE"], "w") as out:
        out.write(line.split()[1])

atexit.register(_peak)
sys.argv = ["footback", *sys.argv[1:]]
from footback.cli.app import main
main()
"""
