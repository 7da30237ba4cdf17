"""What brief knows about the world: people, titles, organisations and how speakers are named.

One import point for every stage. The people, title and organisation tables are still built by
``brief.people`` (kept as it was, so older imports keep working); what the quote stage needs to
tell a person from an organisation and to word a title by context lives in ``speakers``.
"""

from __future__ import annotations

from brief.knowledge.speakers import SpeakerKnowledge, speaker_knowledge
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
    "load_people",
    "romanize_name",
    "speaker_knowledge",
    "split_korean_name",
]
