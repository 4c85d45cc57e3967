"""Private cache files: where they live, what their names are a digest of, and reading and writing them safely.

Two caches use this: the warm start of the curated base (``knowledge.warm_start``) and the prepared
index entries of team facts (``knowledge.index_cache``).  Both hold pickles, and pickles run code
when loaded, so a file is only read from a directory and a file that belong to this user and that
nobody else can write (``0700``/``0600``); anything else, or any error, reads as "no cache".
``BOT_CACHE_DIR`` chooses the directory (default ``$XDG_CACHE_HOME/china-ai-fact-bot``, else
``~/.cache/china-ai-fact-bot``); ``BOT_CACHE_DIR=off`` turns both off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from knowledge.factbase import source_stamp

CODE_DIR = Path(__file__).resolve().parent


def cache_dir(env: Mapping[str, str] = os.environ) -> Path | None:
    chosen = env.get("BOT_CACHE_DIR", "").strip()
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen)
    base = env.get("XDG_CACHE_HOME", "").strip() or str(Path.home() / ".cache")
    return Path(base) / "china-ai-fact-bot"


def knowledge_digest(data_dir: Path, *extra: object) -> str:
    """A digest of the knowledge files, the code that reads them (size and modification time of every
    ``knowledge/*.py``), the Python version and ``extra``: any change makes a new name."""
    code = tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(CODE_DIR.glob("*.py")))
    key = repr((sys.version_info[:2], str(Path(data_dir).resolve()), source_stamp(Path(data_dir)), code, extra))
    return hashlib.sha256(key.encode()).hexdigest()[:24]


def read_private(path: Path, valid: Callable[[Any], bool]) -> Any | None:
    """The pickled value at ``path`` if the file is private and ``valid`` accepts it, else None."""
    if not (_private(path.parent, directory=True) and _private(path, directory=False)):
        return None
    try:
        with path.open("rb") as f:
            value = pickle.load(f)  # noqa: S301 - our own file, in a directory only this user can write
    except Exception:  # noqa: BLE001 - a damaged or foreign cache is ignored, never fatal
        return None
    return value if valid(value) else None


def write_private(path: Path, value: object, stale: str) -> None:
    """Atomically, readable by this user only, removing the files matching the glob ``stale`` (earlier
    versions, never read again); a cache that cannot be written is simply not kept."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(path.parent, directory=True):
            return
        for old in path.parent.glob(stale):
            if old != path:
                old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.chmod(tmp, 0o600)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return


def _private(path: Path, directory: bool) -> bool:
    """Owned by this user and writable by nobody else."""
    try:
        info = path.stat()
    except OSError:
        return False
    kind_ok = stat.S_ISDIR(info.st_mode) if directory else stat.S_ISREG(info.st_mode)
    return kind_ok and info.st_uid == os.getuid() and not info.st_mode & 0o022
