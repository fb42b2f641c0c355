"""The Elasticsearch index: its definition (elasticsearch-dsl), the alias, writes.

Readers and writers use the alias ``<SEARCH_INDEX_PREFIX>`` (default "buurtkracht");
behind it sits one index ``<prefix>-<timestamp>``. A rebuild fills a new index and then
moves the alias in one ``_aliases`` call, so searches never see an empty index.

Only standard Elasticsearch 8 APIs; see docs/search.md for where noida-db differs.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from django.conf import settings
from elasticsearch import ApiError, Elasticsearch, TransportError, helpers
from elasticsearch_dsl import (
    Completion,
    Date,
    Document,
    Float,
    GeoPoint,
    Index,
    Keyword,
    Text,
    analyzer,
    token_filter,
)

from search.analysis import synonym_lines
from search.documents import to_source
from search.types import SearchDocument

# Everything that means "the search server did not do it": fall back or retry.
UNAVAILABLE: tuple[type[BaseException], ...] = (
    TransportError,
    ApiError,
    helpers.BulkIndexError,
    OSError,
)

dutch_stop = token_filter("bk_dutch_stop", "stop", stopwords="_dutch_")
dutch_stem = token_filter("bk_dutch_stem", "stemmer", language="dutch")
synonyms = token_filter("bk_synonyms", "synonym_graph", synonyms=synonym_lines())
edge = token_filter("bk_edge", "edge_ngram", min_gram=2, max_gram=20)

# Index time: fold, drop stop words, stem. Search time: the same plus synonyms
# (synonym_graph only works in a search analyzer; the list can change without reindex).
dutch_index = analyzer(
    "bk_dutch", tokenizer="standard", filter=["lowercase", "asciifolding", dutch_stop, dutch_stem]
)
dutch_search = analyzer(
    "bk_dutch_search",
    tokenizer="standard",
    filter=["lowercase", "asciifolding", synonyms, dutch_stop, dutch_stem],
)
folded = analyzer("bk_folded", tokenizer="standard", filter=["lowercase", "asciifolding"])
prefix_index = analyzer(
    "bk_prefix", tokenizer="standard", filter=["lowercase", "asciifolding", edge]
)


def _text(**kwargs):
    return Text(analyzer=dutch_index, search_analyzer=dutch_search, **kwargs)


class SearchDoc(Document):
    key = Keyword()
    type = Keyword()
    title = _text(fields={"prefix": Text(analyzer=prefix_index, search_analyzer=folded)})
    summary = _text()
    body = _text()
    labels = _text()  # wijk, buurt and theme names
    # title + summary + body + labels, filled by us: noida-db ignores copy_to.
    all = _text()
    url = Keyword(index=False)
    wijk = Keyword()
    wijk_label = Keyword(index=False)
    buurt = Keyword()
    buurt_label = Keyword(index=False)
    themes = Keyword()
    theme_labels = Keyword(index=False)
    needs = Keyword()
    skills = Keyword()
    suitable_for = Keyword()
    location = GeoPoint()
    starts_at = Date()
    updated_at = Date()
    popularity = Float()
    suggest = Completion(analyzer=folded)


_clients: dict[str, Elasticsearch] = {}


def client() -> Elasticsearch:
    url = settings.ELASTICSEARCH_URL
    if url not in _clients:
        timeout = getattr(settings, "SEARCH_TIMEOUT_SECONDS", 3)
        _clients[url] = Elasticsearch(url, request_timeout=timeout, max_retries=0)
    return _clients[url]


def alias() -> str:
    return getattr(settings, "SEARCH_INDEX_PREFIX", "buurtkracht")


def _index(name: str) -> Index:
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0)
    index.document(SearchDoc)
    return index


def _create_index() -> str:
    name = f"{alias()}-{time.strftime('%Y%m%d%H%M%S')}-{time.time_ns() % 1_000_000:06d}"
    _index(name).create(using=client())
    return name


def indices_behind_alias() -> list[str]:
    found = client().options(ignore_status=404).indices.get_alias(name=alias())
    return list(found.body) if found.meta.status == 200 else []


def ensure_index() -> None:
    """Create the index and alias on first use (before any rebuild)."""
    if not indices_behind_alias():
        name = _create_index()
        client().indices.update_aliases(actions=[{"add": {"index": name, "alias": alias()}}])


def _actions(docs: Iterable[SearchDocument], index: str):
    for doc in docs:
        yield {"_index": index, "_id": doc.key, "_source": {"key": doc.key, **to_source(doc)}}


def index_documents(docs: list[SearchDocument]) -> None:
    if not docs:
        return
    ensure_index()
    helpers.bulk(client(), _actions(docs, alias()), chunk_size=500)


def delete_documents(keys: list[str]) -> None:
    if not keys:
        return
    ensure_index()
    actions = ({"_op_type": "delete", "_index": alias(), "_id": k} for k in keys)
    # A key that is not there is fine (already gone).
    helpers.bulk(client(), actions, raise_on_error=False)


def rebuild(docs: list[SearchDocument], progress: Callable[[int], None]) -> None:
    """Fill a new index, move the alias to it in one step, delete the old ones."""
    es = client()
    old = indices_behind_alias()
    name = _create_index()
    done = 0
    for i in range(0, len(docs), 500):
        chunk = docs[i : i + 500]
        helpers.bulk(es, _actions(chunk, name), chunk_size=500)
        done += len(chunk)
        progress(done)
    if not docs:
        progress(0)
    es.indices.refresh(index=name)
    actions = [{"remove": {"index": o, "alias": alias()}} for o in old]
    es.indices.update_aliases(actions=[*actions, {"add": {"index": name, "alias": alias()}}])
    for o in set(old) | set(prefixed_indices()):
        if o != name:
            es.options(ignore_status=404).indices.delete(index=o)


def refresh() -> None:
    ensure_index()
    client().indices.refresh(index=alias())


def all_keys() -> dict[str, str]:
    """Every indexed key with its type."""
    ensure_index()
    hits = helpers.scan(
        client(), index=alias(), query={"query": {"match_all": {}}}, _source=["type"]
    )
    return {hit["_id"]: hit["_source"].get("type", "") for hit in hits}


def prefixed_indices() -> list[str]:
    """Every ``<prefix>-...`` index, also one a broken rebuild left behind."""
    found = client().options(ignore_status=404).indices.get(index=f"{alias()}-*")
    return list(found.body) if found.meta.status == 200 else []


def delete_indices() -> None:
    """Remove every index of this prefix (tests; the alias goes with them)."""
    for name in prefixed_indices():
        client().options(ignore_status=404).indices.delete(index=name)
