# category: command-injection
# label: safe
# source: OWASP OS Command Injection Defense Cheat Sheet, "Defense option 3", Layer 1: Parameterization
# expect: none
# note: tar runs from an argv list without a shell, and '--' ends option parsing before the user path.
import argparse
import os
import subprocess
from datetime import date

parser = argparse.ArgumentParser(description="Archive a project directory")
parser.add_argument("path")
parser.add_argument("--dest", default="/backups")
args = parser.parse_args()

archive = os.path.join(args.dest, f"backup-{date.today():%Y%m%d}.tar.gz")
status = subprocess.run(["tar", "czf", archive, "--", args.path]).returncode
raise SystemExit(status)
