"""`convention-bot backup`: a consistent copy of the database, made safely.

The copy goes through SQLite's online backup (consistent while the bot writes). What it would
overwrite is checked first: never the live database itself, never a file that is not an SQLite
database (a mistyped path must not destroy a document), never a folder.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from .storage.readonly import connect_read_only

SQLITE_HEADER = b"SQLite format 3\x00"


class BackupError(Exception):
    """The copy cannot be made; the message is one French sentence."""


def backup(database: Path, destination: Path) -> None:
    """Copy `database` to `destination` (a new file, or an earlier copy to replace)."""
    if destination.is_dir():
        raise BackupError(f"« {destination} » est un dossier : indiquez le nom du fichier de copie.")
    if not destination.parent.is_dir():
        raise BackupError(f"Le dossier « {destination.parent} » n'existe pas.")
    if destination.exists():
        if database.exists() and os.path.samefile(database, destination):
            raise BackupError("La copie ne peut pas remplacer la base de données elle-même.")
        if not _is_sqlite(destination):
            raise BackupError(f"« {destination} » existe et n'est pas une base SQLite : il n'est pas remplacé.")
    try:
        source = connect_read_only(database)
        try:
            target = sqlite3.connect(destination)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
    except sqlite3.Error as error:
        raise BackupError(f"Copie impossible vers « {destination} » : {error}.") from error
    os.chmod(destination, 0o600)  # it holds question texts, as the database does


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER or path.stat().st_size == 0
    except OSError:
        return False
