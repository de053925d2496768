"""Alembic migrations of the store, run programmatically by ``annotator.store.db``."""
