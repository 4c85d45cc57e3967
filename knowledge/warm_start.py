"""A warm start: the validated fact base and its normaliser (alias tables, and every fact's index entry:
its normalised phrasings and what it is about), kept between processes.

Reading, validating and preparing the curated base takes most of a cold `bot ask` (≈0.2 s to
parse and check the YAML, ≈0.3 s to normalise ~4,000 phrasings and prepare the index
entries).  Both depend only on the knowledge
files and on the code that reads them, so the result is pickled once in a private cache file whose
name is a digest of both (size and modification time of every knowledge file and every
``knowledge/*.py``, and the Python version); any change makes a new name and the old file is
never read again.  A cached base was validated when it was written, so it is as safe to use as a
fresh load.

The file is private (``knowledge.cache_files``: ``BOT_CACHE_DIR``, ``0700``/``0600``, never read if
anyone else could have written it); anything else, or any error, falls back to a normal load.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from knowledge.cache_files import cache_dir, knowledge_digest, read_private, write_private
from knowledge.factbase import DATA_DIR, FactBase, load_factbase
from knowledge.matcher import Matcher
from knowledge.normalize import Normalizer, normalizer_for

FORMAT = 3  # bump when what is pickled changes shape


def load_warm(data_dir: Path = DATA_DIR, env: Mapping[str, str] = os.environ) -> FactBase:
    """The fact base of ``data_dir`` (raising ``FactBaseError`` like ``load_factbase``), with its facts'
    index entries kept by the shared normaliser for the matchers built with it, from the cache when it
    holds them."""
    directory = cache_dir(env)
    path = directory / f"knowledge-{knowledge_digest(Path(data_dir), FORMAT)}.pickle" if directory else None
    if path is not None:
        cached = read_private(path, _valid)
        if cached is not None:
            base, normalizer = cached
            normalizer_for(base.aliases, warm=normalizer)
            return base
    base = load_factbase(data_dir)
    normalizer = normalizer_for(base.aliases)
    prepared = Matcher(base.facts, base.aliases, normalizer=normalizer).index_entries(f.id for f in base.facts)
    normalizer.keep_prepared(prepared)  # (this process's answerer takes them too: nothing is prepared twice)
    if path is not None:
        write_private(path, (base, normalizer), stale="knowledge-*.pickle")
    return base


def _valid(cached: object) -> bool:
    return (isinstance(cached, tuple) and len(cached) == 2 and isinstance(cached[0], FactBase)
            and isinstance(cached[1], Normalizer))
