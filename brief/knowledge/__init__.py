"""What brief knows about the world: people, titles, organisations and how speakers are named.

One import point for every stage. The people, title and organisation tables are still built by
``brief.people`` (kept as it was, so older imports keep working); what the quote stage needs to
tell a person from an organisation and to word a title by context lives in ``speakers``; who held an
office on a given day (terms of office) in ``terms``.
"""

from __future__ import annotations

from brief.knowledge.speakers import SpeakerKnowledge, speaker_knowledge
from brief.knowledge.terms import TermMatch, resolve_by_term
from brief.people import (
    COMPOUND_FAMILY_NAMES,
    FAMILY_NAMES,
    PeopleTable,
    load_people,
    romanize_name,
    split_korean_name,
)

__all__ = [
    "COMPOUND_FAMILY_NAMES",
    "FAMILY_NAMES",
    "PeopleTable",
    "SpeakerKnowledge",
    "TermMatch",
    "load_people",
    "resolve_by_term",
    "romanize_name",
    "speaker_knowledge",
    "split_korean_name",
]
