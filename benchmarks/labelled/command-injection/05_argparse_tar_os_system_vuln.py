# category: command-injection
# label: vulnerable
# source: OWASP OS Command Injection Defense Cheat Sheet, "Defense option 3", Layer 1: Parameterization
# expect: 16
# note: The path and --dest command-line arguments are put into an os.system() string, which /bin/sh parses.
import argparse
import os
from datetime import date

parser = argparse.ArgumentParser(description="Archive a project directory")
parser.add_argument("path")
parser.add_argument("--dest", default="/backups")
args = parser.parse_args()

archive = os.path.join(args.dest, f"backup-{date.today():%Y%m%d}.tar.gz")
status = os.system(f"tar czf {archive} {args.path}")
raise SystemExit(os.waitstatus_to_exitcode(status))
