# category: sql-injection
# label: vulnerable
# source: CWE-89: Improper Neutralization of Special Elements used in an SQL Command ('SQL Injection'), Potential Mitigations (Implementation, Strategy: Input Validation)
# expect: 13
# note: sys.argv[2] is passed unchanged to a helper that puts it into the DELETE, so '0 OR 1=1' deletes every session.
import sqlite3
import sys


def purge_sessions(db_path, user_id):
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute(f"DELETE FROM sessions WHERE user_id = {user_id}")
    conn.close()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: purge_sessions.py DB_PATH USER_ID")
    purge_sessions(sys.argv[1], sys.argv[2])
