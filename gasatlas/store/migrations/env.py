"""Alembic's entry point, run by ``gasatlas.store.engine.migrate`` on the store's own connection."""

from alembic import context

from gasatlas.store.tables import metadata

context.configure(connection=context.config.attributes["connection"], target_metadata=metadata,
                  render_as_batch=True)  # SQLite alters tables by copying them: batch mode does that
with context.begin_transaction():
    context.run_migrations()
