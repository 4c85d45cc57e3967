"""``python -m bot``: ask, chat, check, eval, the Slack and clock processes, and curator commands.

Heavy imports (Slack, SQLAlchemy, APScheduler) happen inside the commands that need them, so
``bot ask`` starts fast.  Every mistake is one or two lines on stderr and a non-zero exit code;
the traceback only with ``LOG_LEVEL=DEBUG``.  A ``.env`` file in the working directory is read
first (the process environment wins).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from bot.config import DEFAULT_DB_FILE, ConfigError, database_url, load_env_file, parse_flag
from knowledge.answers import Answer, answer_to_json, source_line, whose_text
from knowledge.factbase import DATA_DIR, FactBase, FactBaseError, load_factbase, yaml_problem
from knowledge.warm_start import load_warm

SHOWN_AT_MOST = 20  # duplicate and problem lines an import prints before summarising the rest


def main(argv: list[str] | None = None, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout,
         env: Mapping[str, str] | None = None) -> int:
    load_env_file()
    args = _parser().parse_args(argv)
    args.env = os.environ if env is None else env
    try:
        return args.run(args, stdin, stdout)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # "bot ask … | head -1": the reader left; nothing to say, as any Unix tool
        _stdout_to_devnull()  # (or Python's flush of stdout at exit reports the same broken pipe)
        return 141  # 128 + SIGPIPE, what a shell reports for a tool its pipe stopped
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, not a traceback
        if str(args.env.get("LOG_LEVEL", "")).upper() == "DEBUG":
            raise
        print(f"error: {type(exc).__name__}: {exc} (LOG_LEVEL=DEBUG shows the traceback)", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__.splitlines()[0])
    parser.add_argument("--knowledge-dir", "--data-dir", dest="knowledge_dir", type=Path, default=DATA_DIR,
                        help="folder of the curated knowledge files: facts.yaml, sources.yaml, aliases.yaml, "
                             "articles/ (default: the packaged knowledge/). The database folder is BOT_DATA_DIR.")
    sub = parser.add_subparsers(required=True, metavar="COMMAND")

    def team_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--no-team-facts", action="store_true",
                       help="answer from the curated base alone (by default team facts are read from DATABASE_URL, "
                            "or BOT_DATA_DIR's database when it exists)")

    check = sub.add_parser("check", help="validate the knowledge files")
    check.set_defaults(run=_cmd_check)

    ask = sub.add_parser("ask", help="answer a question (or one per stdin line with --json)")
    ask.add_argument("question", nargs="?", help="the question; omit with --json to read stdin")
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    ask.add_argument("--explain", action="store_true",
                     help="also print how the question was read, the candidates and why the bot answered or not")
    team_option(ask)
    ask.set_defaults(run=_cmd_ask)

    ev = sub.add_parser("eval", help="score a question set such as ../shared/eval/dev.yaml")
    ev.add_argument("file", type=Path)
    ev.add_argument("--min-accuracy", type=float, default=None, metavar="FRACTION")
    ev.add_argument("--min-abstention", type=float, default=None, metavar="FRACTION")
    team_option(ev)
    ev.set_defaults(run=_cmd_eval)

    chat = sub.add_parser("chat", help="a local console: ask questions and run /fact commands as in Slack")
    team_option(chat)
    chat.set_defaults(run=_cmd_chat)

    serve = sub.add_parser("serve", help="run the Slack app (Socket Mode with SLACK_APP_TOKEN, else HTTP on PORT)")
    serve.set_defaults(run=_cmd_serve)

    clock = sub.add_parser("clock", help="run the weekly digest scheduler (exactly one per deployment)")
    clock.set_defaults(run=_cmd_clock)

    digest = sub.add_parser("digest", help="preview or send this week's digest")
    mode = digest.add_mutually_exclusive_group(required=True)
    mode.add_argument("--preview", action="store_true", help="print the digest as text (no Slack needed)")
    mode.add_argument("--send", action="store_true", help="post it now to DIGEST_CHANNEL")
    digest.add_argument("--force", action="store_true", help="with --send: post even if already sent this week")
    digest.set_defaults(run=_cmd_digest)

    db = sub.add_parser("db", help="the database schema: upgrade it, or show its revision")
    db.add_argument("action", choices=["upgrade", "current"])
    db.set_defaults(run=_cmd_db)

    export = sub.add_parser("export", help="print team facts as facts.yaml-style entries")
    export.add_argument("--since", type=_date, help="only facts added on or after this date (YYYY-MM-DD)")
    export.add_argument("--phrasings", action="store_true",
                        help="instead: approved phrasings learned from the team, as a patch for facts.yaml")
    export.set_defaults(run=_cmd_export)

    imp = sub.add_parser("import", help="load a facts.yaml-style file as team facts (all or nothing)")
    imp.add_argument("file", type=Path, nargs="?", help="the file (as `export` writes it)")
    imp.add_argument("--skip-duplicates", action="store_true", help="import the rest when some are duplicates")
    imp.add_argument("--dry-run", action="store_true",
                     help="say what would be added, skipped and refused; save nothing")
    imp.add_argument("--undo", metavar="BATCH", help="remove every fact an earlier import added (printed at its end)")
    imp.add_argument("--as", dest="user", default=None, help="name recorded in history (default cli:$USER)")
    imp.set_defaults(run=_cmd_import)

    remove = sub.add_parser("remove", help="remove team facts by id (a soft delete, recorded in history)")
    remove.add_argument("ids", nargs="+", metavar="ID")
    remove.add_argument("--as", dest="user", default=None, help="name recorded in history (default cli:$USER)")
    remove.set_defaults(run=_cmd_remove)
    return parser


def _date(value: str):
    from datetime import UTC, datetime

    try:
        return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2026-11-01") from None


def load_or_explain(data_dir: Path, err: TextIO = sys.stderr, warm: bool = True) -> FactBase | None:
    """The fact base (from the warm-start cache when ``warm``), or None after printing every problem
    (the bot refuses to start)."""
    try:
        return load_warm(data_dir) if warm else load_factbase(data_dir)
    except FactBaseError as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=err)
        print(f"{len(exc.problems)} problem(s) in the knowledge files; fix them and retry.", file=err)
        return None


def _stdout_to_devnull() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # (no real stdout: a test's stream)
        pass


def _cli_user(args) -> str:
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        name = "someone"
    return (args.user or f"cli:{name}")[:80]


def _team_database(args) -> str | None:
    """Where team facts live for terminal commands: DATABASE_URL, or the default SQLite file if it exists."""
    if getattr(args, "no_team_facts", False):
        return None
    from bot.runtime import load_settings

    if args.env.get("DATABASE_URL", "").strip():
        return load_settings(args.env).database_url
    data_dir = Path(args.env.get("BOT_DATA_DIR", "").strip() or "data")
    return database_url(None, data_dir) if (data_dir / DEFAULT_DB_FILE).exists() else None


def _question_answerer(args, create_database: bool = False):
    """The same answerer Slack uses: the curated base plus team facts when a database is there
    (or, with ``create_database``, the configured one, created if need be)."""
    from knowledge.qa import QuestionAnswerer

    factbase = load_or_explain(args.knowledge_dir)
    if factbase is None:
        return None
    url = _team_database(args)
    if url is None and create_database and not args.no_team_facts:
        from bot.runtime import load_settings

        url = load_settings(args.env).database_url
    if url is None:
        return QuestionAnswerer(factbase)
    from bot.runtime import open_store
    from knowledge.contradictions import Links
    from knowledge.index_cache import index_cache_for
    from knowledge.learning import Learning
    from knowledge.review import Reviews
    from knowledge.teamfacts import TeamFacts

    store = open_store(url)
    return QuestionAnswerer(factbase, TeamFacts(store), learning=Learning(store), reviews=Reviews(store),
                            links=Links(store), index_cache=index_cache_for(args.knowledge_dir, url, args.env))


def _cmd_check(args, stdin, stdout) -> int:
    factbase = load_or_explain(args.knowledge_dir, warm=False)  # every rule, read from the files
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
    if not args.json and not (args.question or "").strip():
        print('usage: python -m bot ask "QUESTION" (or --json with questions on stdin)', file=sys.stderr)
        return 2
    qa = _question_answerer(args)
    if qa is None:
        return 1
    if args.json:
        questions = [args.question] if args.question is not None else (line.rstrip("\n") for line in stdin)
        for question in questions:
            print(json.dumps(answer_to_json(qa.ask(question)), ensure_ascii=False), file=stdout, flush=True)
        return 0
    from knowledge.dialogue import Dialogue

    turn = Dialogue(qa).turn(args.question)
    if turn.answer is None:  # small talk, help, too long: what Slack would say
        from bot.console import render
        from handlers.replies import message_for

        message = message_for(turn, qa.threshold, "/fact", qa.source_of)
        print("\n".join(line[5:] for line in render(message).splitlines()), file=stdout)
    else:
        print(format_answer(turn.answer, qa.source_of), file=stdout)
    if args.explain:
        if turn.answer is None:
            print(f"\nthe conversation layer replied with {turn.kind!r}, without asking the matcher;"
                  " the matcher alone would have read it as:", file=stdout)
        print("\n" + qa.explain(args.question).format(), file=stdout)
    return 0


def format_answer(answer: Answer, source_of=None) -> str:
    """The human-readable answer for a terminal: text, quote(s), source(s), and the other side of a
    disagreement."""
    if not answer.answered:
        chinese = answer.lang == "zh"
        lines = [whose_text(answer) or (answer.localise("我不知道：我知道的文章里没有这个答案。") if chinese
                                        else "I don't know: the articles I know don't answer that.")]
        if answer.alternatives:
            lines.append(answer.localise("你是不是想问：") if chinese else "Did you mean:")
            lines.extend(f"  - {answer.localise(a.question)}" for a in answer.alternatives)
        return "\n".join(lines)
    lines = [answer.text or ""]
    for fact in getattr(answer, "facts", ()) or (answer.fact,):
        source = answer.source if fact is answer.fact else source_of(fact) if source_of else None
        lines.extend(_quoted(fact.quote, source, fact.as_of, fact))
    for conflict in answer.conflicts:
        other = "Another article says" if conflict.claim.source else "Another fact says"
        lines += ["", f"{other}: {answer.conflict_text(conflict)}",
                  *_quoted(conflict.claim.quote, conflict.source, conflict.claim.as_of)]
    if answer.review:
        lines.append(f"  ({answer.review})")
    lines.append(f"(fact {answer.fact.id}, score {answer.score:.0f})")
    return "\n".join(lines)


def _quoted(quote: str | None, source, as_of: str | None, fact=None) -> list[str]:
    lines = ["", f"  “{quote}”"] if quote else []
    if source is not None:
        lines.append(f"  — {source_line(source, as_of)}")
    elif fact is not None and fact.added_by:
        lines.append(f"  — added by @{fact.added_by}" + (f" · {fact.source_text}" if fact.source_text else ""))
    return lines


def _cmd_eval(args, stdin, stdout) -> int:
    from knowledge.evaluation import evaluate

    items = _eval_items_or_explain(args.file)
    if items is None:
        return 1
    qa = _question_answerer(args)
    if qa is None:
        return 1
    if items == "scripts":
        return _eval_conversations(args, qa, stdout)
    report = evaluate(items, qa.ask)
    for item, answer in report.misses:
        got = f"{answer.fact.id} ({answer.score:.0f})" if answer.answered else f"abstained ({answer.score:.0f})"
        want = "abstain" if item.abstain else f"one of {list(item.expect)}"
        print(f"MISS [{item.lang}] {item.question!r}: got {got}, want {want}", file=stdout)
    for lang in sorted(report.total):
        print(f"accuracy {lang}: {report.correct[lang]}/{report.total[lang]}", file=stdout)
    answerable = sum(report.total.values())
    print(f"accuracy: {report.accuracy:.1%} of {answerable} answerable", file=stdout)
    print(f"abstention: {report.abstention:.1%} of {report.out_of_scope} out-of-scope", file=stdout)
    failed = []
    if args.min_accuracy is not None and report.accuracy < args.min_accuracy:
        failed.append(f"accuracy {report.accuracy:.1%} is below --min-accuracy {args.min_accuracy:.1%}")
    if args.min_abstention is not None and report.abstention < args.min_abstention:
        failed.append(f"abstention {report.abstention:.1%} is below --min-abstention {args.min_abstention:.1%}")
    for line in failed:
        print(f"FAILED: {line}", file=sys.stderr)
    return 1 if failed else 0


def _eval_items_or_explain(path: Path):
    """The question set, or None after one line naming the file (and line) and what is wrong."""
    import yaml

    from knowledge.evaluation import load_eval

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        print(f"error: {path}: no such file", file=sys.stderr)
        return None
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: {path}: cannot read: {getattr(exc, 'strerror', None) or exc}", file=sys.stderr)
        return None
    except yaml.YAMLError as exc:
        print(f"error: {yaml_problem(str(path), exc)}", file=sys.stderr)
        return None
    if isinstance(data, dict) and "scripts" in data:
        return "scripts"
    if not isinstance(data, dict) or not isinstance(data.get("items"), list) or not data["items"]:
        print(f"error: {path}: expected 'items:' with at least one question (see ../shared/eval/dev.yaml), "
              "or 'scripts:' of conversation turns (see tests/eval/conversations.yaml)", file=sys.stderr)
        return None
    try:
        return load_eval(path)
    except (ValueError, TypeError, AttributeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None


def _eval_conversations(args, qa, stdout) -> int:
    """Conversation scripts, turn by turn through the Slack code path (``bot.conversation_eval``)."""
    from bot.conversation_eval import load_scripts, run_scripts

    try:
        scripts = load_scripts(args.file)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    # As the Slack app would run: follow-ups reuse the last question's text unless QUESTION_LOG=off.
    question_log = _question_log(args)
    if question_log is None:
        return 1
    report = run_scripts(scripts, qa, question_log=question_log)
    for miss in report.misses:
        print(f"MISS {miss}", file=stdout)
    for kind in sorted(report.steps):
        print(f"{kind}: {report.right[kind]}/{report.steps[kind]}", file=stdout)
    for lang in sorted(report.by_lang):
        print(f"steps {lang}: {report.right_by_lang[lang]}/{report.by_lang[lang]}", file=stdout)
    print(f"facts given to small talk: {report.facts_to_small_talk}", file=stdout)
    print(f"conversation steps right: {report.score:.1%} of {sum(report.steps.values())} "
          f"in {len(scripts)} scripts", file=stdout)
    if args.min_accuracy is not None and report.score < args.min_accuracy:
        print(f"FAILED: steps right {report.score:.1%} is below --min-accuracy {args.min_accuracy:.1%}",
              file=sys.stderr)
        return 1
    return 0


def _cmd_serve(args, stdin, stdout) -> int:
    from bot.serve import serve

    return serve(args.env)


def _cmd_chat(args, stdin, stdout) -> int:
    from bot.console import run_console

    question_log = _question_log(args)
    if question_log is None:
        return 1
    qa = _question_answerer(args, create_database=True)
    if qa is None:
        return 1
    return run_console(qa, stdin, stdout, user=_cli_user(argparse.Namespace(user=None)), question_log=question_log)


def _question_log(args) -> bool | None:
    """QUESTION_LOG from the environment, as the Slack app reads it; None (and why, on stderr) when invalid."""
    try:
        return parse_flag(args.env.get("QUESTION_LOG") or "on", "QUESTION_LOG")
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None


def _store(args):
    """The team-fact database from the environment (migrated under a lock)."""
    from bot.runtime import load_settings, open_store

    return open_store(load_settings(args.env).database_url)


def _cmd_db(args, stdin, stdout) -> int:
    from bot.config import mask_url
    from bot.runtime import load_settings, open_store
    from knowledge.migrate import current_revision

    url = load_settings(args.env).database_url
    if args.action == "upgrade":
        store = open_store(url)  # opening migrates, under a lock
        print(f"{mask_url(url)}: at revision {current_revision(store.engine)} (head)", file=stdout)
        return 0
    from knowledge.store import SCHEMA_REVISION, Store

    revision = current_revision(Store(url, migrate=False).engine)
    behind = "" if revision == SCHEMA_REVISION else f"; head is {SCHEMA_REVISION}: run `python -m bot db upgrade`"
    print(f"{mask_url(url)}: at revision {revision or 'none (empty or first release)'}{behind}", file=stdout)
    return 0


def _cmd_export(args, stdin, stdout) -> int:
    from bot.curation import export_yaml
    from knowledge.teamfacts import TeamFacts

    store = _store(args)
    if args.phrasings:
        from bot.curation import export_phrasings
        from knowledge.learning import Learning

        stdout.write(export_phrasings(Learning(store)))
        return 0
    stdout.write(export_yaml(TeamFacts(store), args.since))
    return 0


def _cmd_import(args, stdin, stdout) -> int:
    from bot.curation import import_file, undo_import
    from knowledge.qa import QuestionAnswerer
    from knowledge.teamfacts import TeamFacts

    if bool(args.file) == bool(args.undo):
        print("usage: python -m bot import FILE [--dry-run] [--skip-duplicates]  |  import --undo BATCH",
              file=sys.stderr)
        return 2
    team, user = TeamFacts(_store(args)), _cli_user(args)
    if args.undo:
        removed = undo_import(args.undo, team, user)
        print(f"removed {removed} fact(s) of batch {args.undo} (recorded in history as {user})"
              if removed else f"batch {args.undo}: no active facts (wrong id, or already undone)", file=stdout)
        return 0 if removed else 1
    factbase = load_or_explain(args.knowledge_dir)
    if factbase is None:
        return 1
    report = import_file(args.file, team, QuestionAnswerer(factbase, team), user=user,
                         skip_duplicates=args.skip_duplicates, dry_run=args.dry_run)
    _print_some("error", report.problems)
    _print_some("duplicate", report.duplicates)
    fresh, dups, bad = len(report.drafts), len(report.duplicates), len(report.problems)
    if report.problems and report.unreadable:
        return 1  # the one line above says why the file could not be read
    if report.problems:
        print(f"nothing imported: {bad} entr{'y' if bad == 1 else 'ies'} refused (listed above); fix them and retry",
              file=stdout)
        return 1
    if args.dry_run:
        print(f"dry run: would add {fresh} fact(s); {dups} duplicate(s) "
              f"{'skipped' if args.skip_duplicates else 'would stop the import (use --skip-duplicates)'}; "
              "nothing saved", file=stdout)
        return 0
    if not report.imported:
        if dups and fresh:
            print(f"nothing imported: {dups} duplicate(s) (listed above); rerun with --skip-duplicates "
                  f"to import the other {fresh}", file=stdout)
            return 1
        print("nothing imported: every entry is already known" if dups else "nothing imported: the file has no facts",
              file=stdout)
        return 1 if dups else 0
    first = ", ".join(report.imported[:3]) + (", …" if len(report.imported) > 3 else "")
    print(f"imported {len(report.imported):,} fact(s) as batch {report.batch} ({first})"
          + (f"; {dups} duplicate(s) skipped" if dups else "")
          + f"\ntake it back with: python -m bot import --undo {report.batch}", file=stdout)
    return 0


def _print_some(kind: str, lines: list[str]) -> None:
    for line in lines[:SHOWN_AT_MOST]:
        print(f"{kind}: {line}", file=sys.stderr)
    if len(lines) > SHOWN_AT_MOST:
        print(f"{kind}: … and {len(lines) - SHOWN_AT_MOST} more", file=sys.stderr)


def _cmd_remove(args, stdin, stdout) -> int:
    from knowledge.teamfacts import TeamFactError, TeamFacts

    team, user = TeamFacts(_store(args)), _cli_user(args)
    failed = 0
    for fact_id in args.ids:
        try:  # a curator at the terminal holds the database: admin rights, recorded under their name
            team.remove(fact_id, user, frozenset({user}), user)
            print(f"removed {fact_id} (recorded in history as {user})", file=stdout)
        except TeamFactError as exc:
            print(f"error: {fact_id}: {exc}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0


def _cmd_clock(args, stdin, stdout) -> int:
    from bot.app import check_slack, make_client
    from bot.clock import check_digest_settings, run_clock
    from bot.runtime import build_runtime
    from bot.startup import checked_settings

    settings = checked_settings(args.env, needs_slack=False)
    check_digest_settings(settings)
    runtime = build_runtime(settings, args.knowledge_dir)
    client = make_client(settings)
    check_slack(settings)
    return run_clock(settings, runtime, client)


def _cmd_digest(args, stdin, stdout) -> int:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from bot.app import check_slack, make_client
    from bot.clock import DigestJob, check_digest_settings
    from bot.console import render
    from bot.runtime import build_runtime
    from bot.startup import checked_settings
    from handlers.digest import digest_message

    settings = checked_settings(args.env, needs_slack=False)
    check_digest_settings(settings, posting=args.send)
    client = make_client(settings)
    if args.send:
        check_slack(settings)
    job = DigestJob(settings, build_runtime(settings, args.knowledge_dir), client)
    now = datetime.now(ZoneInfo(settings.digest_timezone))
    if args.preview:
        digest = job.compose(now, remember_spotlight=False)
        print(render(digest_message(digest, settings.fact_command, settings.digest_mention_owners)), file=stdout)
        return 0
    results = job.send(now, force=args.force)
    for channel, outcome in results.items():
        print(f"{channel}: {outcome}", file=stdout)
    return 1 if any(o.startswith("failed") for o in results.values()) else 0
