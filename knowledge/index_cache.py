"""The prepared index entries of team facts, kept between processes: a restarted worker loads them
instead of normalising every phrasing again.

Preparing a fact for the index (normalising its phrasings, reading what it is about) costs about
0.3 ms; with 100,000 team facts a worker would spend half a minute on it at every start.  An entry
depends only on its fact, the knowledge files and the code, so entries are pickled in a private
cache file (``knowledge.cache_files``) named by a digest of the knowledge files, the code and the
database: a new release or other aliases read a new file.  A fact whose stored text differs from
the one its entry was made from is prepared again (``Matcher.update(reuse=...)`` compares them), so a
stale or partial file can cost time, never a wrong answer.

The file is written after a synchronisation that prepared at least ``SAVE_AFTER`` facts afresh
(a start with many team facts, or many changes since the last write), never on a request path.
"""

from __future__ import annotations

import gc
import logging
import os
import time
from collections.abc import Mapping
from pathlib import Path

from knowledge.cache_files import cache_dir, knowledge_digest, read_private, write_private

logger = logging.getLogger(__name__)

FORMAT = 1  # bump when the pickled shape changes
SAVE_AFTER = 1000  # facts prepared afresh since the last write (~0.3 s of work at a restart)


class IndexCache:
    def __init__(self, directory: Path, data_dir: Path, database_url: str):
        self.path = directory / f"index-{knowledge_digest(data_dir, FORMAT, database_url)}.pickle"

    def load(self) -> dict[str, object]:
        """Fact id -> prepared entry, or nothing when there is no usable file."""
        started = time.perf_counter()
        collecting = gc.isenabled()
        gc.disable()  # millions of small objects: the collector would walk them again and again (~2x slower)
        try:
            entries = read_private(self.path, _valid) or {}
        finally:
            if collecting:
                gc.enable()
        if entries:
            logger.info("index cache: %d prepared entries read in %.1f s", len(entries), time.perf_counter() - started)
        return entries

    @staticmethod
    def worth_saving(prepared_since: int) -> bool:
        """Whether the facts prepared afresh since the last write would cost a restart enough to write again."""
        return prepared_since >= SAVE_AFTER

    def save(self, entries: Mapping[str, object]) -> None:
        started = time.perf_counter()
        write_private(self.path, dict(entries), stale="index-*.pickle")
        logger.info("index cache: %d prepared entries written in %.1f s", len(entries), time.perf_counter() - started)


def index_cache_for(data_dir: Path, database_url: str, env: Mapping[str, str] = os.environ) -> IndexCache | None:
    """The index cache of this knowledge and database, or None when ``BOT_CACHE_DIR=off``."""
    directory = cache_dir(env)
    return IndexCache(directory, data_dir, database_url) if directory is not None else None


def _valid(value: object) -> bool:
    return isinstance(value, dict) and all(isinstance(k, str) for k in value)
