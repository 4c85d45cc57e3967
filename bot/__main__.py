import sys

try:
    from bot.cli import main
except ModuleNotFoundError as exc:  # run before `pip install -e .`: say so, not a traceback
    if (exc.name or "").split(".")[0] in ("bot", "handlers", "knowledge"):
        raise
    sys.exit(f"error: a dependency is not installed in this Python (no module {exc.name!r}); "
             "install the project first: pip install -e .  (README, Quickstart)")

sys.exit(main())
