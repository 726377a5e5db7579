# category: sql-injection
# label: safe
# source: CWE-89: Improper Neutralization of Special Elements used in an SQL Command ('SQL Injection'), Potential Mitigations (Implementation, Strategy: Input Validation)
# expect: none
# note: The caller casts sys.argv[2] with int() before the helper builds the DELETE, so only a number can reach the SQL text.
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
    purge_sessions(sys.argv[1], int(sys.argv[2]))
