"""``python -m bot``: check, ask, eval (and the Slack, clock and curator commands).

Heavy imports (Slack, SQLAlchemy, APScheduler) happen inside the commands that need
them, so ``bot ask`` starts fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from knowledge.answers import Answer, answer_to_json, source_line
from knowledge.factbase import DATA_DIR, FactBase, FactBaseError, load_factbase


def main(argv: list[str] | None = None, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    return args.run(args, stdin, stdout)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help="knowledge files (default: %(default)s)")
    sub = parser.add_subparsers(required=True, metavar="COMMAND")

    check = sub.add_parser("check", help="validate the knowledge files")
    check.set_defaults(run=_cmd_check)

    ask = sub.add_parser("ask", help="answer a question (or one per stdin line with --json)")
    ask.add_argument("question", nargs="?", help="the question; omit with --json to read stdin")
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    ask.set_defaults(run=_cmd_ask)

    ev = sub.add_parser("eval", help="score a question set such as ../shared/eval/dev.yaml")
    ev.add_argument("file", type=Path)
    ev.add_argument("--min-accuracy", type=float, default=None, metavar="FRACTION")
    ev.add_argument("--min-abstention", type=float, default=None, metavar="FRACTION")
    ev.set_defaults(run=_cmd_eval)

    serve = sub.add_parser("serve", help="run the Slack app (Socket Mode with SLACK_APP_TOKEN, else HTTP)")
    serve.set_defaults(run=_cmd_serve)

    chat = sub.add_parser("chat", help="a local console: ask questions as you would in Slack")
    chat.set_defaults(run=_cmd_chat)

    clock = sub.add_parser("clock", help="run the weekly digest scheduler (exactly one per deployment)")
    clock.set_defaults(run=_cmd_clock)

    digest = sub.add_parser("digest", help="preview or send this week's digest")
    mode = digest.add_mutually_exclusive_group(required=True)
    mode.add_argument("--preview", action="store_true", help="print the digest as text (no Slack needed)")
    mode.add_argument("--send", action="store_true", help="post it now to DIGEST_CHANNEL")
    digest.add_argument("--force", action="store_true", help="with --send: post even if already sent this week")
    digest.set_defaults(run=_cmd_digest)

    export = sub.add_parser("export", help="print team facts as facts.yaml entries")
    export.add_argument("--since", type=_date, help="only facts added on or after this date (YYYY-MM-DD)")
    export.set_defaults(run=_cmd_export)

    imp = sub.add_parser("import", help="load a facts.yaml-style file as team facts (all or nothing)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--skip-duplicates", action="store_true", help="import the rest when some are duplicates")
    imp.set_defaults(run=_cmd_import)
    return parser


def _date(value: str):
    from datetime import UTC, datetime

    try:
        return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2026-11-01") from None


def load_or_explain(data_dir: Path, err: TextIO = sys.stderr) -> FactBase | None:
    """The fact base, or None after printing every problem (the bot refuses to start)."""
    try:
        return load_factbase(data_dir)
    except FactBaseError as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=err)
        print(f"{len(exc.problems)} problem(s) in the knowledge files; fix them and retry.", file=err)
        return None


def _question_answerer(args):
    from knowledge.qa import QuestionAnswerer

    factbase = load_or_explain(args.data_dir)
    return QuestionAnswerer(factbase) if factbase else None


def _cmd_check(args, stdin, stdout) -> int:
    factbase = load_or_explain(args.data_dir)
    if factbase is None:
        return 1
    n_quotes = sum(1 + len(f.also) for f in factbase.facts)
    print(
        f"ok: {len(factbase.facts)} facts, {len(factbase.sources)} sources, {n_quotes} quotes verified, "
        f"{len(factbase.aliases.entities)} entities, {len(factbase.aliases.metrics)} metrics and "
        f"{len(factbase.aliases.terms)} terms in aliases",
        file=stdout,
    )
    return 0


def _cmd_ask(args, stdin, stdout) -> int:
    qa = _question_answerer(args)
    if qa is None:
        return 1
    if args.json:
        questions = [args.question] if args.question is not None else (line.rstrip("\n") for line in stdin)
        for question in questions:
            print(json.dumps(answer_to_json(qa.ask(question)), ensure_ascii=False), file=stdout, flush=True)
        return 0
    if not args.question:
        print("usage: python -m bot ask \"QUESTION\" (or --json with questions on stdin)", file=sys.stderr)
        return 2
    print(format_answer(qa.ask(args.question)), file=stdout)
    return 0


def format_answer(answer: Answer) -> str:
    """The human-readable answer for a terminal."""
    if not answer.answered:
        lines = ["I don't know: the articles I know don't answer that."]
        if answer.alternatives:
            lines.append("Did you mean:")
            lines.extend(f"  - {a.question}" for a in answer.alternatives)
        return "\n".join(lines)
    fact = answer.fact
    lines = [answer.text, "", f"  “{answer.quote}”"] if answer.quote else [answer.text]
    if answer.source:
        lines.append(f"  — {source_line(answer.source, fact.as_of)}")
    lines.append(f"(fact {fact.id}, score {answer.score:.0f})")
    return "\n".join(lines)


def _cmd_eval(args, stdin, stdout) -> int:
    from knowledge.evaluation import evaluate, load_eval

    qa = _question_answerer(args)
    if qa is None:
        return 1
    report = evaluate(load_eval(args.file), qa.ask)
    for item, answer in report.misses:
        got = f"{answer.fact.id} ({answer.score:.0f})" if answer.answered else f"abstained ({answer.score:.0f})"
        want = "abstain" if item.abstain else f"one of {list(item.expect)}"
        print(f"MISS [{item.lang}] {item.question!r}: got {got}, want {want}", file=stdout)
    for lang in sorted(report.total):
        print(f"accuracy {lang}: {report.correct[lang]}/{report.total[lang]}", file=stdout)
    answerable = sum(report.total.values())
    print(f"accuracy: {report.accuracy:.1%} of {answerable} answerable", file=stdout)
    print(f"abstention: {report.abstention:.1%} of {report.out_of_scope} out-of-scope", file=stdout)
    failed = (args.min_accuracy is not None and report.accuracy < args.min_accuracy) or (
        args.min_abstention is not None and report.abstention < args.min_abstention
    )
    return 1 if failed else 0


def _cmd_serve(args, stdin, stdout) -> int:
    import os

    from bot.serve import serve

    return serve(os.environ)


def _cmd_chat(args, stdin, stdout) -> int:
    from bot.console import run_console

    qa = _question_answerer(args)
    if qa is None:
        return 1
    return run_console(qa, stdin, stdout)


def _store_runtime():
    import os

    from bot.runtime import build_runtime, load_settings

    return build_runtime(load_settings(os.environ))


def _cmd_export(args, stdin, stdout) -> int:
    from bot.curation import export_yaml
    from knowledge.teamfacts import TeamFacts

    runtime = _store_runtime()
    stdout.write(export_yaml(TeamFacts(runtime.store), args.since))
    return 0


def _cmd_import(args, stdin, stdout) -> int:
    from bot.curation import import_file
    from knowledge.teamfacts import TeamFacts

    runtime = _store_runtime()
    report = import_file(args.file, TeamFacts(runtime.store), runtime.qa, skip_duplicates=args.skip_duplicates)
    for line in report.problems:
        print(f"error: {line}", file=sys.stderr)
    for line in report.duplicates:
        print(f"duplicate: {line}", file=sys.stderr)
    if not report.imported:
        print("nothing imported" + (" (use --skip-duplicates to import the rest)" if report.duplicates and
                                    not report.problems else ""), file=stdout)
        return 1 if report.problems or report.duplicates else 0
    print(f"imported {len(report.imported)} fact(s): {', '.join(report.imported)}", file=stdout)
    return 0


def _cmd_clock(args, stdin, stdout) -> int:
    import os

    from bot.app import check_slack, make_client
    from bot.clock import check_digest_settings, run_clock
    from bot.runtime import build_runtime
    from bot.startup import checked_settings

    settings = checked_settings(os.environ, needs_slack=False)
    check_digest_settings(settings)
    runtime = build_runtime(settings)
    client = make_client(settings)
    check_slack(settings, client)
    return run_clock(settings, runtime, client)


def _cmd_digest(args, stdin, stdout) -> int:
    import os
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from bot.app import make_client
    from bot.clock import DigestJob, check_digest_settings
    from bot.console import render
    from bot.runtime import build_runtime, configure_logging, load_settings
    from handlers.digest import digest_message

    settings = load_settings(os.environ)
    configure_logging(settings.log_level)
    check_digest_settings(settings, posting=args.send)
    job = DigestJob(settings, build_runtime(settings), make_client(settings))
    now = datetime.now(ZoneInfo(settings.digest_timezone))
    if args.preview:
        print(render(digest_message(job.compose(now, remember_spotlight=False), settings.fact_command)), file=stdout)
        return 0
    results = job.send(now, force=args.force)
    for channel, outcome in results.items():
        print(f"{channel}: {outcome}", file=stdout)
    return 1 if any(o.startswith("failed") for o in results.values()) else 0
