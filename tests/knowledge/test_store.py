from datetime import timedelta

from sqlalchemy import insert, select

from knowledge.store import EVENT_MEMORY, Store, processed_events, utcnow


def test_event_ids_are_claimed_once(db_url):
    store = Store(db_url)
    assert store.claim_event("Ev1") and not store.claim_event("Ev1") and store.claim_event("Ev2")
    store.dispose()


def test_old_event_ids_are_pruned(db_url, monkeypatch):
    import knowledge.store as module

    store = Store(db_url)
    with store.transaction() as conn:
        conn.execute(insert(processed_events).values(event_id="EvOld", at=utcnow() - EVENT_MEMORY - timedelta(hours=1)))
    monkeypatch.setattr(module, "EVENT_PRUNE_EVERY", 1)  # prune on this claim
    store.claim_event("EvNew")
    with store.engine.connect() as conn:
        assert conn.execute(select(processed_events.c.event_id)).scalars().all() == ["EvNew"]
    store.dispose()
