"""`convention-bot learned list | drop ID | export [--write]`: the examples admins taught in /revue."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Coroutine
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .assembly import make_clock, open_storage
from .core.knowledge import load_knowledge
from .core.learned import LearnedExample, check_learned, is_known
from .core.out_of_scope import OUT_OF_SCOPE
from .exits import EXIT_FAILED, EXIT_OK
from .settings import Settings, load_settings

if TYPE_CHECKING:  # imported by the commands themselves: `convention-bot ask` starts without them
    from .storage import Storage

T = TypeVar("T")


def add_learned_command(commands: argparse._SubParsersAction) -> None:
    """Register `learned` and its three actions on the main parser's subcommands."""
    learned = commands.add_parser("learned", help="exemples appris avec /revue : lister, retirer, exporter")
    actions = learned.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="les exemples appris et leur état")
    listing.set_defaults(handler=list_command)
    drop = actions.add_parser("drop", help="retire un exemple appris (le bot l'oublie au prochain /reload)")
    drop.add_argument("id", type=int)
    drop.set_defaults(handler=drop_command)
    export = actions.add_parser("export", help="écrit les exemples appris dans les fichiers YAML")
    export.add_argument("--write", action="store_true", help="écrit les fichiers (sinon : affiche les changements)")
    export.set_defaults(handler=export_command)
    for action in (listing, drop, export):
        action.add_argument("--config", type=Path, help="fichier de configuration YAML")


def _examples(settings: Settings) -> list[LearnedExample] | None:
    if not settings.database.exists():
        print(f"Pas encore de base de données ({settings.database}) : rien n'a été appris.", file=sys.stderr)
        return None
    storage = _storage(settings)
    try:
        return _run(storage.learned_examples())
    finally:
        storage.close()


def _storage(settings: Settings) -> Storage:
    return open_storage(settings, make_clock(settings))


def _run(call: Coroutine[Any, Any, T]) -> T:
    import asyncio  # here: `convention-bot ask`, which builds this command's parser, never pays for asyncio

    return asyncio.run(call)


def list_command(args: argparse.Namespace) -> int:
    settings = load_settings(args.config)
    examples = _examples(settings)
    if examples is None:
        return EXIT_FAILED
    knowledge = load_knowledge(settings.knowledge_dir)
    problems = {problem.line: problem.message for problem in check_learned(knowledge, examples)}
    print("n°\tclause\tformulation\tappris le\tétat" if examples else "Aucun exemple appris.")
    for example in examples:
        where = "hors sujet" if example.target == OUT_OF_SCOPE else example.target
        state = (
            "déjà dans le YAML"
            if is_known(knowledge, example)
            else f"invalide : {problems[example.id]}"
            if example.id in problems
            else "à exporter"
        )
        print(f"{example.id}\t{where}\t{example.wording}\t{example.taught_at[:10]}\t{state}")
    return EXIT_OK


def drop_command(args: argparse.Namespace) -> int:
    settings = load_settings(args.config)
    if not settings.database.exists():
        print(f"Pas encore de base de données ({settings.database}).", file=sys.stderr)
        return EXIT_FAILED
    storage = _storage(settings)
    try:
        dropped = _run(storage.drop_learned(args.id))
    finally:
        storage.close()
    if not dropped:
        print(f"Aucun exemple appris n° {args.id} (voir « convention-bot learned list »).", file=sys.stderr)
        return EXIT_FAILED
    print(f"Exemple n° {args.id} retiré ; envoyez /reload au bot pour qu'il l'oublie aussi.")
    return EXIT_OK


def export_command(args: argparse.Namespace) -> int:
    from .learned_export import plan_export, write_export  # ruamel.yaml: only for this command

    settings = load_settings(args.config)
    examples = _examples(settings)
    if examples is None:
        return EXIT_FAILED
    export = plan_export(load_knowledge(settings.knowledge_dir), examples)
    for problem in export.problems:
        print(f"laissé de côté : {problem}", file=sys.stderr)
    if not export.texts:
        print("Rien à exporter : tous les exemples appris sont déjà dans les fichiers YAML.")
        return EXIT_OK
    if not args.write:
        print(export.diff(), end="")
        print(f"{len(export.exported)} exemple(s) à écrire ; relancez avec --write pour modifier les fichiers.")
        return EXIT_OK
    problems = write_export(export)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print("Export annulé : la base n'aurait plus été valide ; aucun fichier modifié.", file=sys.stderr)
        return EXIT_FAILED
    files = ", ".join(sorted(str(path) for path in export.texts))
    print(f"{len(export.exported)} exemple(s) écrit(s) dans : {files}. Vérifiez, validez (git commit), puis /reload.")
    return EXIT_OK
