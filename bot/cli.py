"""The `convention-bot` command: parse, call the engine, print. No `telegram` import here."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path

from .assembly import build_engine, make_clock, open_storage
from .core.answer import Answer
from .core.engine import Engine
from .core.evaluation import CALCULATION, IN_SCOPE, OUT_OF_SCOPE, SEVERAL, EvaluationFileError, evaluate, load_cases
from .core.knowledge import KnowledgeError, load_knowledge, read_knowledge
from .exits import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from .learned_cli import add_learned_command
from .settings import Settings, SettingsError, load_settings

GROUP_NAMES = {
    IN_SCOPE: "in-scope (première citation)",
    OUT_OF_SCOPE: "hors sujet refusés",
    CALCULATION: "calculs",
    SEVERAL: "messages à plusieurs questions (toutes justes)",
}


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


def _today(args: argparse.Namespace, settings: Settings) -> date:
    """--today, else the users' date from the clock."""
    return args.today or make_clock(settings).today()


def validate_command(args: argparse.Namespace) -> int:
    root = args.path or load_settings().knowledge_dir
    knowledge, problems = read_knowledge(root)
    for problem in problems:
        print(problem, file=sys.stderr)
    warnings = sum(problem.warning for problem in problems)
    if knowledge is None or (args.strict and warnings):
        print(f"base de connaissances invalide : {len(problems)} problème(s)", file=sys.stderr)
        return EXIT_FAILED
    groups = len(knowledge.synonyms)
    print(
        f"base de connaissances valide : {len(knowledge.clauses)} clauses, {knowledge.question_count} questions, "
        f"{groups} groupes de synonymes, {len(knowledge.smalltalk)} sujets de politesse, {warnings} avertissement(s)"
    )
    return EXIT_OK


def ask_command(args: argparse.Namespace) -> int:
    settings = load_settings(args.config)
    engine, today = build_engine(settings), _today(args, settings)
    questions: Iterable[str] = args.question or _stdin_lines()
    for question in questions:
        answer = engine.answer(question, today=today)
        if args.json:
            print(json.dumps(answer.to_dict(), ensure_ascii=False), flush=True)
        elif args.question:
            print(render_plain(engine, answer), end="\n\n", flush=True)
        else:  # one line per input line, so that the output lines up with the input
            print(render_plain(engine, answer).replace("\n", " / "), flush=True)
    return EXIT_OK


def _stdin_lines() -> Iterable[str]:
    sys.stdin.reconfigure(errors="replace")  # type: ignore[union-attr]
    for line in sys.stdin:
        yield line.rstrip("\r\n")


def chat_command(args: argparse.Namespace) -> int:
    settings = load_settings(args.config)
    engine = build_engine(settings)
    print("Posez vos questions sur la convention (« quitter » ou Ctrl-D pour sortir).")
    while True:
        try:
            question = input("\n› ")
        except EOFError:
            print()
            return EXIT_OK
        if question.strip().lower() in {"quitter", "quit", "exit", "q"}:
            return EXIT_OK
        print(render_plain(engine, engine.answer(question, today=_today(args, settings))))


def eval_command(args: argparse.Namespace) -> int:
    settings = load_settings(args.config)
    engine = build_engine(settings)
    try:
        cases = load_cases(args.file)
    except EvaluationFileError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    report = evaluate(engine, cases, _today(args, settings))
    for outcome in report.outcomes:
        if not outcome.passed:
            print(f"ÉCHEC [{outcome.case.category}] {outcome.case.question!r} : {outcome.reason}")
    for category in report.values("category"):
        passed, total = report.accuracy("category", category)
        print(f"  {category:<12} {passed}/{total}  {passed / total:6.1%}")
    minimums = {IN_SCOPE: args.min_in, OUT_OF_SCOPE: args.min_out, CALCULATION: args.min_calc, SEVERAL: args.min_multi}
    summary, ok = [], True
    for group, minimum in minimums.items():
        passed, total = report.accuracy("group", group)
        if total:
            ratio = passed / total
            ok &= ratio >= minimum
            summary.append(f"{GROUP_NAMES[group]} {passed}/{total} ({ratio:.1%}, min {minimum:.0%})")
    print(("OK : " if ok else "INSUFFISANT : ") + " ; ".join(summary))
    return EXIT_OK if ok else EXIT_FAILED


def report_command(args: argparse.Namespace) -> int:
    from .report import build_report, to_csv, to_markdown  # the maintainers' commands load their modules

    settings = load_settings(args.config)
    if not settings.database.exists():
        print(f"Pas encore de base de données ({settings.database}) : le bot n'a rien enregistré.", file=sys.stderr)
        return EXIT_FAILED
    storage = open_storage(settings, make_clock(settings))
    try:
        report = build_report(storage.questions_for_report(args.since), storage.feedback_for_report(args.since))
    finally:
        storage.close()
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
    from .health import database_problem
    from .storage.readonly import connect_read_only

    settings = load_settings(args.config)
    if problem := database_problem(settings):
        print(problem, file=sys.stderr)
        return EXIT_FAILED
    source = connect_read_only(settings.database)
    target = sqlite3.connect(args.destination)
    with target:
        source.backup(target)  # SQLite's online backup: consistent while the bot writes
    source.close()
    target.close()
    print(f"copie écrite : {args.destination}")
    return EXIT_OK


def run_command(args: argparse.Namespace) -> int:
    from .telegram_app.runner import run  # imported here so that `ask` never loads telegram

    return run(args.config)


def render_plain(engine: Engine, answer: Answer) -> str:
    """An answer for a terminal: the text, then each citation with its quote (numbered per question)."""
    if answer.parts:
        return "\n".join(
            f"{number}. {part.question}\n" + render_plain(engine, replace(part, alternatives=()))
            for number, part in enumerate(answer.parts, start=1)
        )
    lines = [answer.text]
    for citation in answer.citations:
        lines.append(f"— {citation.ref} · {citation.title} : « {citation.quote} »")
    if answer.alternatives and answer.answered:
        clauses = engine.knowledge.clauses
        lines.append(
            "Voir aussi : " + " ; ".join(f"{clauses[i].ref} ({clauses[i].title})" for i in answer.alternatives)
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
