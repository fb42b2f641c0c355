"""PostgreSQL only: a generated tsvector over the folded text, with a GIN index.

Not a model field, so SQLite (``make run`` without PostgreSQL) migrates too; the
database engine uses it only on PostgreSQL.
"""

from django.db import migrations

FORWARD = """
ALTER TABLE search_document ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('dutch', title_text), 'A')
    || setweight(to_tsvector('dutch', summary_text), 'B')
    || setweight(to_tsvector('dutch', body_text), 'C')
) STORED;
CREATE INDEX search_document_vector ON search_document USING gin (search_vector);
"""
BACKWARD = """
DROP INDEX IF EXISTS search_document_vector;
ALTER TABLE search_document DROP COLUMN IF EXISTS search_vector;
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_document")]
    operations = [migrations.RunPython(forward, backward)]
