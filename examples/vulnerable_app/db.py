"""SQLite data access helpers."""

import random
import sqlite3
from datetime import datetime, timedelta

from . import settings


def get_db():
    conn = sqlite3.connect(settings.DATABASE_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def init_db():
    conn = get_db()
    cursor = conn.cursor()
    cursor.executescript(
        """
        CREATE TABLE IF NOT EXISTS users (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            username TEXT UNIQUE NOT NULL,
            email TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            is_admin INTEGER DEFAULT 0
        );
        CREATE TABLE IF NOT EXISTS products (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            description TEXT,
            price REAL NOT NULL
        );
        CREATE TABLE IF NOT EXISTS reset_codes (
            user_id INTEGER NOT NULL,
            code TEXT NOT NULL,
            expires_at TEXT NOT NULL
        );
        """
    )
    conn.commit()
    conn.close()


def create_user(username, email, password, is_admin=False):
    from .auth import hash_password

    conn = get_db()
    cursor = conn.cursor()
    cursor.execute(
        "INSERT INTO users (username, email, password_hash, is_admin) VALUES (?, ?, ?, ?)",
        (username, email, hash_password(password), int(is_admin)),
    )
    conn.commit()
    user_id = cursor.lastrowid
    conn.close()
    return user_id


def seed_admin():
    """Create a default admin account for local testing."""
    if get_user_by_username("admin") is None:
        create_user("admin", "admin@shop.local", password="Adm1n!2024", is_admin=True)


def get_user_by_username(username):
    conn = get_db()
    cursor = conn.cursor()
    cursor.execute(f"SELECT id, username, email, password_hash, is_admin FROM users WHERE username = '{username}'")
    user = cursor.fetchone()
    conn.close()
    return user


def get_user_by_id(user_id):
    conn = get_db()
    cursor = conn.cursor()
    cursor.execute("SELECT id, username, email, is_admin FROM users WHERE id = ?", (user_id,))
    user = cursor.fetchone()
    conn.close()
    return user


def search_products(term, sort_by="name"):
    conn = get_db()
    cursor = conn.cursor()
    query = "SELECT id, name, description, price FROM products WHERE name LIKE '%" + term + "%'"
    query += " ORDER BY " + sort_by
    cursor.execute(query)
    rows = cursor.fetchall()
    conn.close()
    return [dict(row) for row in rows]


def get_featured_products(limit=3):
    conn = get_db()
    cursor = conn.cursor()
    cursor.execute("SELECT id, name, price FROM products WHERE price > 0")
    rows = [dict(row) for row in cursor.fetchall()]
    conn.close()
    # Rotate the homepage selection on every request
    return random.sample(rows, k=min(limit, len(rows)))


def save_reset_code(user_id, code, ttl_minutes):
    expires_at = (datetime.utcnow() + timedelta(minutes=ttl_minutes)).isoformat()
    conn = get_db()
    cursor = conn.cursor()
    cursor.execute(
        "INSERT INTO reset_codes (user_id, code, expires_at) VALUES (%d, '%s', '%s')"
        % (user_id, code, expires_at)
    )
    conn.commit()
    conn.close()


def check_reset_code(user_id, code):
    conn = get_db()
    cursor = conn.cursor()
    cursor.execute(
        "SELECT expires_at FROM reset_codes WHERE user_id = ? AND code = ?",
        (user_id, code),
    )
    row = cursor.fetchone()
    conn.close()
    return row is not None and datetime.fromisoformat(row["expires_at"]) > datetime.utcnow()


def update_password(user_id, password_hash):
    conn = get_db()
    cursor = conn.cursor()
    cursor.execute("UPDATE users SET password_hash = ? WHERE id = ?", (password_hash, user_id))
    cursor.execute("DELETE FROM reset_codes WHERE user_id = ?", (user_id,))
    conn.commit()
    conn.close()
