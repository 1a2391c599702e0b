"""The `convention-bot` command: parse the arguments and run the command. No `telegram` import here.

The commands live in answer_cli.py (validate, ask, chat, eval), database_cli.py (report,
healthcheck, backup) and learned_cli.py (learned).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from datetime import date
from pathlib import Path

from .answer_cli import ask_command, chat_command, eval_command, validate_command
from .core.knowledge import KnowledgeError
from .database_cli import backup_command, healthcheck_command, report_command
from .exits import EXIT_FAILED
from .learned_cli import add_learned_command
from .settings import SettingsError


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):
        stream.reconfigure(errors="replace")  # type: ignore[union-attr]
    try:
        return args.handler(args)
    except (SettingsError, KnowledgeError) as error:
        print(error, file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return EXIT_FAILED
    except BrokenPipeError:
        # The reader left early (`| head -1`): no traceback. Later writes, and the flush at exit, go to
        # /dev/null so that they do not raise again (Python's documentation, "Note on SIGPIPE").
        with contextlib.suppress(OSError, ValueError):  # a stdout without a file descriptor (a test's capture)
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    except Exception as error:
        from .storage import StorageError  # imported only now: `ask` never loads the storage

        if not isinstance(error, StorageError):
            raise
        print(error, file=sys.stderr)  # a database or secret that cannot be used: one French line
        return EXIT_FAILED


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="convention-bot", description="Assistant de la convention de services numériques."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="vérifie la base de connaissances")
    validate.add_argument("path", nargs="?", type=Path, help="dossier knowledge/ (par défaut celui du projet)")
    validate.add_argument("--strict", action="store_true", help="les avertissements font échouer")
    validate.set_defaults(handler=validate_command)

    ask = commands.add_parser("ask", help="répond à des questions (arguments, ou une par ligne sur l'entrée)")
    ask.add_argument("question", nargs="*", help="une question par argument, entre guillemets")
    ask.add_argument("--json", action="store_true", help="une ligne JSON par réponse")
    _common(ask)
    ask.set_defaults(handler=ask_command)

    chat = commands.add_parser("chat", help="conversation dans le terminal, sans Telegram")
    _common(chat)
    chat.set_defaults(handler=chat_command)

    run_eval = commands.add_parser("eval", help="mesure la justesse sur un fichier de questions")
    run_eval.add_argument("file", type=Path)
    run_eval.add_argument("--min-in", type=float, default=0.95)
    run_eval.add_argument("--min-out", type=float, default=0.90)
    run_eval.add_argument("--min-calc", type=float, default=1.0)
    run_eval.add_argument("--min-multi", type=float, default=0.90)
    _common(run_eval)
    run_eval.set_defaults(handler=eval_command)

    report = commands.add_parser("report", help="questions mal comprises et avis, pour enrichir la base")
    report.add_argument("--since", type=date.fromisoformat, default=date(2000, 1, 1), help="depuis (AAAA-MM-JJ)")
    report.add_argument("--format", choices=["markdown", "csv"], default="markdown")
    report.add_argument("--config", type=Path, help="fichier de configuration YAML")
    report.set_defaults(handler=report_command)

    health = commands.add_parser("healthcheck", help="le bot en marche va-t-il bien ? (code 0 ou 1)")
    health.add_argument("--config", type=Path, help="fichier de configuration YAML")
    health.set_defaults(handler=healthcheck_command)

    backup = commands.add_parser("backup", help="copie cohérente de la base, même bot en marche")
    backup.add_argument("destination", type=Path)
    backup.add_argument("--config", type=Path, help="fichier de configuration YAML")
    backup.set_defaults(handler=backup_command)

    add_learned_command(commands)

    run = commands.add_parser("run", help="démarre le bot Telegram")
    run.add_argument("--config", type=Path, help="fichier de configuration YAML")
    run.set_defaults(handler=run_command)
    return parser


def _common(command: argparse.ArgumentParser) -> None:
    command.add_argument("--today", type=date.fromisoformat, help="date du jour pour les calculs (AAAA-MM-JJ)")
    command.add_argument("--config", type=Path, help="fichier de configuration YAML")


def run_command(args: argparse.Namespace) -> int:
    from .telegram_app.runner import run  # imported here so that `ask` never loads telegram

    return run(args.config)


if __name__ == "__main__":
    sys.exit(main())
