"""The commands that read the running bot's database: `report` (misunderstood questions and feedback),
`healthcheck` and `backup`. Each loads its own modules only when run."""

from __future__ import annotations

import argparse
import sqlite3
import sys

from .assembly import make_clock, open_storage
from .core.knowledge import load_knowledge
from .exits import EXIT_FAILED, EXIT_OK
from .settings import load_settings


def report_command(args: argparse.Namespace) -> int:
    from .health import database_problem
    from .report import build_report, to_csv, to_markdown  # the maintainers' commands load their modules

    settings = load_settings(args.config)
    if not settings.database.exists():
        print(f"Pas encore de base de données ({settings.database}) : le bot n'a rien enregistré.", file=sys.stderr)
        return EXIT_FAILED
    if problem := database_problem(settings):
        print(problem, file=sys.stderr)
        return EXIT_FAILED
    try:
        storage = open_storage(settings, make_clock(settings))
        try:
            report = build_report(storage.questions_for_report(args.since), storage.feedback_for_report(args.since))
        finally:
            storage.close()
    except sqlite3.Error as error:
        print(f"base de données illisible ({settings.database}) : {error}", file=sys.stderr)
        return EXIT_FAILED
    if args.format == "csv":
        print(to_csv(report), end="")
    else:
        print(to_markdown(report, load_knowledge(settings.knowledge_dir)), end="")
    return EXIT_OK


def healthcheck_command(args: argparse.Namespace) -> int:
    from .health import health_problems

    problems = health_problems(load_settings(args.config))
    print("; ".join(problems) if problems else "ok", file=sys.stderr if problems else sys.stdout)
    return EXIT_FAILED if problems else EXIT_OK


def backup_command(args: argparse.Namespace) -> int:
    from .backup import BackupError, backup
    from .health import database_problem

    settings = load_settings(args.config)
    if problem := database_problem(settings):
        print(problem, file=sys.stderr)
        return EXIT_FAILED
    try:
        backup(settings.database, args.destination)
    except BackupError as error:
        print(error, file=sys.stderr)
        return EXIT_FAILED
    print(f"copie écrite : {args.destination}")
    return EXIT_OK
