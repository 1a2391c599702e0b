"""The commands that answer from the knowledge base, without Telegram: `validate`, `ask`, `chat` and
`eval`, and the plain-text rendering of an answer for a terminal."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from .assembly import build_engine, keep_for_the_process, make_clock
from .core.answer import Answer
from .core.engine import Engine
from .core.evaluation import CALCULATION, IN_SCOPE, OUT_OF_SCOPE, SEVERAL, EvaluationFileError, evaluate, load_cases
from .core.knowledge import read_knowledge
from .exits import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from .settings import Settings, load_settings

GROUP_NAMES = {
    IN_SCOPE: "in-scope (première citation)",
    OUT_OF_SCOPE: "hors sujet refusés",
    CALCULATION: "calculs",
    SEVERAL: "messages à plusieurs questions (toutes justes)",
}


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
    keep_for_the_process()  # `ask` may read thousands of lines from stdin
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
    keep_for_the_process()
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
