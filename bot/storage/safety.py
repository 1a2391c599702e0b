"""Opening the database safely: refuse what is not ours (one French sentence), keep it private.

Checked before anything is written, so that nothing is created beside a bad database (no new
secret, no WAL switch on another application's file). The data folder is made 0700 and the
database, its WAL and the secret 0600: they hold question texts and the pseudonyms' key.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"
OUR_TABLES = {"answers", "chats", "feedback", "daily_counts"}


class StorageError(Exception):
    """The database or the secret cannot be used; the message is one French sentence."""


def check_database(path: Path, schema_version: int) -> None:
    """Raise StorageError unless `path` is absent (and creatable) or one of our databases, intact and not newer."""
    if path.is_dir():
        raise StorageError(f"Base de données « {path} » : c'est un dossier, indiquez un fichier (storage.path).")
    if not path.exists():
        folder = _existing_parent(path)
        if not os.access(folder, os.W_OK | os.X_OK):
            raise StorageError(
                f"Base de données « {path} » : le dossier « {folder} » n'est pas accessible en écriture."
            )
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise StorageError(f"Base de données « {path} » illisible : {error.strerror}.") from error
    if not header:
        return  # an empty file: SQLite makes it a new database
    if header != SQLITE_HEADER:
        raise StorageError(
            f"« {path} » n'est pas une base SQLite (fichier endommagé ou d'un autre type) : rien n'est modifié."
        )
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            verdict = connection.execute("PRAGMA quick_check(1)").fetchone()[0]
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise StorageError(f"Base de données « {path} » endommagée ({error}) : restaurez une sauvegarde.") from error
    if verdict != "ok":
        raise StorageError(
            f"Base de données « {path} » endommagée ({' '.join(verdict.split())}) : restaurez une sauvegarde."
        )
    if version > schema_version:
        raise StorageError(
            f"Base de données « {path} » écrite par une version plus récente du bot (schéma {version}, "
            f"celui-ci connaît {schema_version}) : mettez le bot à jour."
        )
    if tables and not (OUR_TABLES & tables):
        raise StorageError(
            f"« {path} » est la base d'une autre application : indiquez un autre fichier (storage.path)."
        )
    if not os.access(path, os.R_OK | os.W_OK) or not os.access(path.parent, os.W_OK | os.X_OK):
        raise StorageError(f"Base de données « {path} » en lecture seule : le bot doit pouvoir l'écrire.")


def private_file(path: Path) -> None:
    """Create the folder (0700) and the file (0600) if missing, so SQLite's WAL inherits 0600."""
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True)
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))


def _existing_parent(path: Path) -> Path:
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder
