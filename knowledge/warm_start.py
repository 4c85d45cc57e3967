"""A warm start: the validated fact base and its normaliser (alias tables and the normalised phrasings of
every fact), kept between processes.

Reading, validating and normalising the curated base takes most of a cold `bot ask` (≈0.2 s to
parse and check the YAML, ≈0.2 s to normalise ~4,000 phrasings).  Both depend only on the knowledge
files and on the code that reads them, so the result is pickled once in a private cache file whose
name is a digest of both (size and modification time of every knowledge file and every
``knowledge/*.py``, and the Python version); any change makes a new name and the old file is
never read again.  A cached base was validated when it was written, so it is as safe to use as a
fresh load.

Pickles run code when loaded, so the file is only read from a directory and a file that belong to
this user and that nobody else can write (``0700``/``0600``); anything else, or any error, falls
back to a normal load.  ``BOT_CACHE_DIR`` chooses the directory (default
``$XDG_CACHE_HOME/china-ai-fact-bot``, else ``~/.cache/china-ai-fact-bot``); ``BOT_CACHE_DIR=off``
turns the cache off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from knowledge.factbase import DATA_DIR, FactBase, load_factbase, source_stamp
from knowledge.matcher import phrasing_norms
from knowledge.normalize import Normalizer, normalizer_for

FORMAT = 2  # bump when what is pickled changes shape
CODE_DIR = Path(__file__).resolve().parent


def load_warm(data_dir: Path = DATA_DIR, env: Mapping[str, str] = os.environ) -> FactBase:
    """The fact base of ``data_dir`` (raising ``FactBaseError`` like ``load_factbase``), with the
    normalised phrasings of its facts preloaded into the shared normaliser, from the cache when it
    holds them."""
    directory = cache_dir(env)
    path = directory / f"knowledge-{_digest(Path(data_dir))}.pickle" if directory else None
    if path is not None:
        cached = _read(path)
        if cached is not None:
            base, normalizer = cached
            normalizer_for(base.aliases, warm=normalizer)
            return base
    base = load_factbase(data_dir)
    normalizer = normalizer_for(base.aliases)
    normalizer.preload({fact.id: phrasing_norms(normalizer, fact) for fact in base.facts})
    normalizer.attribute_tokens()
    if path is not None:
        _write(path, (base, normalizer))
    return base


def cache_dir(env: Mapping[str, str] = os.environ) -> Path | None:
    chosen = env.get("BOT_CACHE_DIR", "").strip()
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen)
    base = env.get("XDG_CACHE_HOME", "").strip() or str(Path.home() / ".cache")
    return Path(base) / "china-ai-fact-bot"


def _digest(data_dir: Path) -> str:
    code = tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(CODE_DIR.glob("*.py")))
    key = repr((FORMAT, sys.version_info[:2], str(data_dir.resolve()), source_stamp(data_dir), code))
    return hashlib.sha256(key.encode()).hexdigest()[:24]


def _private(path: Path, directory: bool) -> bool:
    """Owned by this user and writable by nobody else."""
    try:
        info = path.stat()
    except OSError:
        return False
    kind_ok = stat.S_ISDIR(info.st_mode) if directory else stat.S_ISREG(info.st_mode)
    return kind_ok and info.st_uid == os.getuid() and not info.st_mode & 0o022


def _read(path: Path) -> tuple | None:
    if not (_private(path.parent, directory=True) and _private(path, directory=False)):
        return None
    try:
        with path.open("rb") as f:
            cached = pickle.load(f)  # noqa: S301 - our own file, in a directory only this user can write
    except Exception:  # noqa: BLE001 - a damaged or foreign cache is ignored, never fatal
        return None
    if not (isinstance(cached, tuple) and len(cached) == 2 and isinstance(cached[0], FactBase)
            and isinstance(cached[1], Normalizer)):
        return None
    return cached


def _write(path: Path, value: tuple) -> None:
    """Atomically, readable by this user only; a cache that cannot be written is simply not kept."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(path.parent, directory=True):
            return
        for old in path.parent.glob("knowledge-*.pickle"):  # earlier versions of the base: never read again
            if old != path:
                old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".knowledge-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except OSError:
        return
