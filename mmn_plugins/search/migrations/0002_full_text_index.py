"""The full-text index of the search entries, made for the database in use.

SQLite: an FTS5 table reading the entries' folded columns (external
content), kept in step by triggers, so that even rows inserted in bulk are
indexed. PostgreSQL: a ``tsvector`` column filled by a trigger in each entry's
own language configuration, with a GIN index. Other databases get nothing and
are searched with LIKE.
"""

from django.db import migrations


SQLITE_CREATE = [
    """
    CREATE VIRTUAL TABLE mmn_search_fts USING fts5(
        folded_title, folded_body, filter_tokens,
        content='mmn_search_searchentry', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER mmn_search_fts_insert AFTER INSERT ON mmn_search_searchentry
    BEGIN
        INSERT INTO mmn_search_fts(rowid, folded_title, folded_body, filter_tokens)
        VALUES (new.id, new.folded_title, new.folded_body, new.filter_tokens);
    END
    """,
    """
    CREATE TRIGGER mmn_search_fts_delete AFTER DELETE ON mmn_search_searchentry
    BEGIN
        INSERT INTO mmn_search_fts(
            mmn_search_fts, rowid, folded_title, folded_body, filter_tokens
        ) VALUES ('delete', old.id, old.folded_title, old.folded_body,
                  old.filter_tokens);
    END
    """,
    """
    CREATE TRIGGER mmn_search_fts_update AFTER UPDATE ON mmn_search_searchentry
    BEGIN
        INSERT INTO mmn_search_fts(
            mmn_search_fts, rowid, folded_title, folded_body, filter_tokens
        ) VALUES ('delete', old.id, old.folded_title, old.folded_body,
                  old.filter_tokens);
        INSERT INTO mmn_search_fts(rowid, folded_title, folded_body, filter_tokens)
        VALUES (new.id, new.folded_title, new.folded_body, new.filter_tokens);
    END
    """,
]

SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS mmn_search_fts_update",
    "DROP TRIGGER IF EXISTS mmn_search_fts_delete",
    "DROP TRIGGER IF EXISTS mmn_search_fts_insert",
    "DROP TABLE IF EXISTS mmn_search_fts",
]

POSTGRES_CREATE = [
    "ALTER TABLE mmn_search_searchentry ADD COLUMN search_vector tsvector",
    """
    CREATE FUNCTION mmn_search_entry_vector() RETURNS trigger AS $$
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector(NEW.search_config::regconfig,
                                  coalesce(NEW.folded_title, '')), 'A')
            || setweight(to_tsvector(NEW.search_config::regconfig,
                                     coalesce(NEW.folded_body, '')), 'B')
            || setweight(to_tsvector('simple', coalesce(NEW.folded_title, '')
                                     || ' ' || coalesce(NEW.folded_body, '')), 'D');
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER mmn_search_entry_vector_trigger
    BEFORE INSERT OR UPDATE ON mmn_search_searchentry
    FOR EACH ROW EXECUTE FUNCTION mmn_search_entry_vector()
    """,
    "CREATE INDEX mmn_search_entry_vector_gin ON mmn_search_searchentry "
    "USING GIN (search_vector)",
]

POSTGRES_DROP = [
    "DROP INDEX IF EXISTS mmn_search_entry_vector_gin",
    "DROP TRIGGER IF EXISTS mmn_search_entry_vector_trigger ON mmn_search_searchentry",
    "DROP FUNCTION IF EXISTS mmn_search_entry_vector()",
    "ALTER TABLE mmn_search_searchentry DROP COLUMN IF EXISTS search_vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("mmn_search", "0001_entries")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        )
    ]
