"""Direct and reported speech in one article, each with its speaker resolved or marked unknown.

How a quote is recognised (body paragraphs):

* a double-quoted span ("…", “…”, 「…」) followed by a quotative ending (고, 라고, 이라고) and a
  reporting verb, or by a linking ending (며, 라며, 면서) that chains it to more speech, or standing
  at the end of its sentence after a speaker, a connective (그러면서, 이어, 또) or on its own;
* a single-quoted span (‘…’, '…') only when it is long and a quotative ending and a reporting verb
  follow it: short quoted terms ('AI 원팀', ‘한국적 AI’) are names of things, never quotes;
* reported speech: a sentence ending "…다고/라고 + reporting verb" whose subject is a person
  (named, short form or pronoun) or an unnamed source. An organisation as subject ("KT는 …했다고
  밝혔다") is a press statement, not speech: it is skipped. (A *direct* quote given to an
  organisation, "KT는 "…"라고 밝혔다", is kept, with an unnamed speaker whose English name is the
  organisation's.)

Who said it: the subject before the quote ("김 대표는 "…""), else after it (""…"고 김 대표는
말했다"); a pronoun ("그는") is the last person who was a subject; no subject at all continues the
previous speaker only when that speaker spoke in this or the previous paragraph and no one else
became the subject since; a paragraph that is only a quote takes the speaker of the next
paragraph's "이같이/이렇게 답했다" sentence. Anything else is an unknown speaker, never a guess.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from brief.people import PeopleTable
from brief.quotes.cast import Cast, Named
from brief.quotes.marks import QuoteSpan, find_quote_spans
from brief.quotes.mentions import (
    TOPIC,
    Mention,
    Token,
    declared_names,
    find_mentions,
    subject_rank,
    tokenize,
)
from brief.quotes.sieves import AMBIGUOUS, QuoteSite, find_subject, pick_subject
from brief.quotes.speech import (
    ASKED_THEN,
    ASKERS,
    BRACKET_LABEL,
    LABEL_LINE,
    QUESTION,
    QUOTED_LINE,
    REPORTED_END,
    SAID_THINGS,
    STATEMENT_END,
    TAGGED,
    THIS_WAY,
    UNCLOSED_END,
    Item,
    Verb,
    blocks_continuation,
    find_verb,
    first_of,
    is_joint,
    joint_start,
    new_subject_also,
    owned_before,
    particle_after,
    said_whole,
    says_noun,
    skip_connectives,
    sound_bite,
    speaker_key,
    split_items,
    strip_span,
    tokens_before,
    whose_words,
    words_between,
)
from brief.quotes.stance import NAMING_STEMS, stance_of
from brief.records import Article, Quote, Speaker

__all__ = ["extract_quotes"]

log = logging.getLogger(__name__)

Location = Literal["body", "headline", "subheadline"]
_Decision = tuple[bool, "Speaker | None"]  # (a no-subject rule decided, the speaker it found or None)


_ROUNDUP_OWNER = re.compile(r"\s*[=\-–—]\s*\S")  # ""…" = 김 장관이 …", ""…" - 김 장관": the speaker after it


@dataclass
class _State:
    """What the walk through one article's body remembers."""

    last_person: Speaker | None = None  # last person (or unnamed source) that was a subject
    last_person_para: int = -10
    last_speaker: Speaker | None = None  # speaker of the last attributed statement
    last_speaker_para: int = -10
    last_subject_key: str | None = None  # whoever became the subject last (org included)


class _Extractor:
    def __init__(self, article: Article, table: PeopleTable) -> None:
        self.article = article
        self.table = table
        self.cast = Cast(table, article.date)
        # each paragraph is cut into sentences and searched for mentions once
        self.sentences: list[list[Item]] = []
        self.sound_bites: dict[int, tuple[str, int, int]] = {}  # paragraph -> (who, where the words start)
        label: str | None = None
        role: str | None = None  # "[재판장]", "[NAME / 서울 마포구]": a label for the quoted lines below it
        texts = (article.headline or "", *article.subheadlines, *article.paragraphs, *article.captions)
        self.declared = declared_names(texts, table)  # "가수 하늘", "그룹 별빛(도윤, 하람)": names
        self.cast.declared = self.declared
        self.cast.beat = self.cast.evidence.knowledge.beat_of(" ".join(texts))
        headings = {h.before: h.text for h in article.headings}
        for index, text in enumerate(article.paragraphs):
            if index in headings:
                # a heading between a label and a quoted line ends the label's hold on what follows; a
                # bracketed label the cleaner took for a heading ("[특검 측]") is still a label
                label = None
                role = self._role(headings[index])
            bite = sound_bite(text)
            if bite is not None and "/" not in bite[0] and not TAGGED.match(text):
                # "[과기정통부 관계자 : …]": a bracket with no slash and no tag is a sound bite only when
                # its label names someone ("[속보 : …]" does not)
                named = self.cast.label_speaker(bite[0])
                one_word = len(bite[0].split()) == 1  # "[한빛시 : …]": a place, not a person named so
                bite = bite if named is not None and (named.kind == "unnamed" or not one_word) else None
            if bite is None and label is not None and LABEL_LINE.match(text) is None:
                # "▶ 인터뷰 : NAME / TITLE" on its own line: the next line is what they said
                begin = len(text) - len(text.lstrip(" -–—·"))
                bite = (label, begin, len(text.rstrip()))
            label = None
            line = LABEL_LINE.match(text)
            if line is not None:
                label = " ".join(line.group("who").split())
            bracket = BRACKET_LABEL.match(text) if bite is None and line is None else None
            if bracket is not None:
                role = self._role(text)
            elif bite is None and role is not None and QUOTED_LINE.match(text):
                # the quoted lines under "[재판장]" are the presiding judge's, until another label
                begin = len(text) - len(text.lstrip())
                bite = (role, begin, len(text.rstrip()))
            elif text.strip():
                role = None
            if bite is not None:
                self.sound_bites[index] = bite
            sentences = split_items(text, find_quote_spans(text))
            for sentence in sentences:
                sentence.mentions = find_mentions(sentence.tokens, text, table, self.declared)
            self.sentences.append(sentences)
            words = [t for s in sentences for t in s.tokens]
            self.cast.add_text(text, [m for s in sentences for m in s.mentions], words, para=index)
        for text in (article.headline or "", *article.subheadlines, *article.captions):
            if text:
                self.cast.add_text(text)
        self.state = _State()
        self.quotes: list[Quote] = []
        self._told_by_next: tuple[int, str, str | None] | None = None

    def _role(self, text: str) -> str | None:
        """The speaker label of a bracketed line alone ("[재판장]"), when it names someone."""
        bracket = BRACKET_LABEL.match(text)
        if bracket is None:
            return None
        who = " ".join(bracket.group("who").split())
        return who if self.cast.label_speaker(who) is not None else None

    # ------------------------------------------------------------ resolution
    def _resolve(self, mention: Mention, para: int) -> Speaker | None:
        if mention.kind == "pronoun":
            state = self.state
            if state.last_person is not None and para - state.last_person_para <= 2:
                return state.last_person
            return None
        return self.cast.speaker(mention, para)

    def _subject(self, mentions: Sequence[Mention], adjacent_to: int | None = None) -> Mention | None:
        return pick_subject(mentions, adjacent_to)

    def _note_subject(self, mention: Mention, speaker: Speaker | None, para: int) -> None:
        state = self.state
        if mention.weak and mention.particle not in TOPIC:
            state.last_subject_key = f"weak:{mention.name}"  # someone else now; but "그" is not them
            return
        if mention.kind == "org":
            state.last_subject_key = f"org:{mention.org}"
            return
        if speaker is not None and speaker.kind != "unknown":
            state.last_person, state.last_person_para = speaker, para
        state.last_subject_key = speaker_key(speaker) if speaker else f"unknown:{mention.text}"

    def _note_speaker(self, speaker: Speaker, para: int) -> None:
        state = self.state
        if speaker.kind == "unknown":
            state.last_speaker = None
            state.last_subject_key = f"unknown:{speaker.ko or ''}"  # someone we could not name spoke last
            return
        state.last_speaker, state.last_speaker_para = speaker, para
        state.last_subject_key = speaker_key(speaker)
        if not (speaker.kind == "unnamed" and speaker.en == speaker.org):  # an organisation is not "그"
            state.last_person, state.last_person_para = speaker, para

    # ------------------------------------------------------------ body
    def run(self) -> tuple[Quote, ...]:
        article = self.article
        if article.headline:
            self._heading(article.headline, "headline", 0)
        for index, sub in enumerate(article.subheadlines):
            self._heading(sub, "subheadline", index)
        sections = {h.before for h in article.headings}
        seen: set[str] = set()
        for index, paragraph in enumerate(article.paragraphs):
            if index in sections:
                self.state = _State()  # a new section: no quote continues a speaker from the one before
            key = "".join(paragraph.split())
            if len(key) >= 20 and key in seen:
                continue  # the same paragraph again (a summary box, a page that repeats a block)
            seen.add(key)
            self._paragraph(paragraph, index)
        return tuple(self.quotes)

    def _paragraph(self, text: str, para: int) -> None:
        if para in self.sound_bites:
            self.sound_bite(text, para, *self.sound_bites[para])
            return
        sentences = self.sentences[para]
        # a paragraph that is nothing but a quote ("…" alone, as articles often open)
        first = sentences[0] if sentences else None
        alone = len(sentences) == 1 and first is not None and bool(first.quotes)
        alone = alone and first is not None and not any(t.core for t in first.tokens)
        for sentence in sentences:
            self._sentence(text, para, sentence, standalone=alone)

    def _sentence(self, text: str, para: int, sentence: Item, standalone: bool) -> None:
        tokens = sentence.tokens
        mentions = sentence.mentions
        groups = self._speech_groups(text, sentence, tokens)
        if not groups:
            self._reported(text, para, tokens, mentions, sentence.quotes)
        used_until = 0  # token index where the next group's own words begin
        clause_ends = [k for k, token in enumerate(tokens) if token.ends_clause]
        asked: list[Mention] = []  # "김 감독은 "…냐"는 질문을 받자": the one asked, still the topic
        for members, verb, owner in groups:
            first_tok = tokens_before(tokens, members[0].start)
            after_tok = tokens_before(tokens, members[-1].end)
            verb_index = verb[0] if verb else after_tok
            k = bisect_left(clause_ends, first_tok) - 1
            clause_start = max(used_until, clause_ends[k] + 1 if k >= 0 else 0)
            lo = bisect_left(mentions, clause_start, key=first_of)
            hi = bisect_left(mentions, first_tok, key=first_of)
            before = [m for m in mentions[lo:hi] if m.last < first_tok]
            lo = bisect_left(mentions, after_tok, key=first_of)
            hi = bisect_left(mentions, verb_index, key=first_of)
            after = [m for m in mentions[lo:hi] if m.last < verb_index]
            found = find_subject(QuoteSite(tokens, mentions, first_tok, verb_index, before, after, owner))
            subject = found[1] if found is not None else None
            if subject is not None and subject.title == "질문자":
                asked += [m for m in before if m.kind != "unnamed" and subject_rank(m) >= 1]
            if subject is None and verb is not None and ASKED_THEN.match(verb[1]):
                # ""…냐"고 묻자 (김 장관은) "…"": a question in a clause of its own belongs to its asker,
                # never to the one who answers or spoke before
                k = verb[0]
                subject = Mention("unnamed", tokens[k].start, tokens[k].end, k, k, "", "질문자",
                                  title="질문자", description="a questioner")  # fmt: skip
            speaker: Speaker | None
            if subject is AMBIGUOUS:
                speaker = Speaker(kind="unknown")  # two people may have said it: no later rule guesses
            elif subject is not None and is_joint(mentions, subject):
                # "문 사장과 이 사장은 "…"고 입을 모았다": said by two people; no one speaker to name
                joint = text[joint_start(mentions, subject) : subject.start + len(subject.bare_text)]
                speaker = Speaker(kind="unknown", ko=joint)
                self._note_subject(subject, None, para)
            elif subject is not None:
                speaker = self._resolve(subject, para) or Speaker(kind="unknown", ko=subject.bare_text)
                if subject.title != "질문자":
                    self._note_subject(subject, speaker, para)
            else:
                speaker = self._unsubjected(text, para, tokens[used_until:first_tok], standalone)
            speaker = speaker or Speaker(kind="unknown")
            if verb is None and standalone and subject is None and self._told_by_next is not None:
                verb = self._told_by_next
            for span in members:
                self._add_quote(text, para, span, "body", "direct", verb, speaker)
            if subject is None or subject.title != "질문자":  # the asker of a question speaks no further
                self._note_speaker(speaker, para)
            used_until = (verb[0] + 1) if verb else after_tok
        # the subject of the rest of the sentence (the topic first, the leftmost of equals) still
        # changes who "he" and "then" refer to
        rest = [m for m in mentions if m.first >= used_until and subject_rank(m) >= 1] or asked
        if rest:
            main = max(rest, key=lambda m: (subject_rank(m), -m.first))
            self._note_subject(main, self._resolve(main, para), para)
        # "취재진은 조 선수에게 물었다. 그는 "…"": the one asked answers next
        asked_ones = [] if groups else [
            m for m in mentions if m.particle in ("에게", "께") and m.kind in ("person", "short")
        ]  # fmt: skip
        if asked_ones and any(stance_of(t.core) in ("asked", "asked back") for t in tokens):
            answerer = self._resolve(asked_ones[-1], para)
            if answerer is not None and answerer.kind == "named":
                state = self.state
                state.last_person, state.last_person_para = answerer, para
                state.last_subject_key = speaker_key(answerer)
                state.last_speaker = None  # whoever spoke before is not the one who answers

    def _unsubjected(self, text: str, para: int, region: Sequence[Token], standalone: bool) -> Speaker | None:
        """The speaker of a quote with no subject of its own, by the no-subject rules in order, or None."""
        self._told_by_next = None
        for _name, rule in self._NO_SUBJECT_RULES:
            decided, speaker = rule(self, para, region, standalone)
            if decided:
                return speaker
        return None

    def _told_by_next_rule(self, para: int, _region: Sequence[Token], standalone: bool) -> _Decision:
        """A quote alone in its paragraph: the next paragraph's "이같이 말했다" tells who said it."""
        if standalone:
            found = self._this_way_speaker(para + 1)
            if found is not None:
                self._told_by_next = found[1]
                return True, found[0]
        return False, None

    def _unread_subject_rule(self, _para: int, region: Sequence[Token], _standalone: bool) -> _Decision:
        """Some other subject we could not read ("전 장관은"): the last speaker is not carried over."""
        blocked = any(blocks_continuation(t, self.table) for t in region)
        blocked = blocked or any(new_subject_also(region, k, self.table) for k in range(len(region)))
        return (True, None) if blocked else (False, None)

    def _previous_speaker_rule(self, para: int, _region: Sequence[Token], _standalone: bool) -> _Decision:
        """The one who spoke in this or the previous paragraph, unless someone else became the subject."""
        state = self.state
        if state.last_speaker is not None and para - state.last_speaker_para <= 1:
            same = state.last_subject_key in (None, speaker_key(state.last_speaker))
            return True, state.last_speaker if same else None
        return False, None

    def _recent_topic_rule(self, para: int, _region: Sequence[Token], _standalone: bool) -> _Decision:
        """ "김 대표는 연단에 섰다. "…"고 말했다": the person who is the topic speaks."""
        state = self.state
        person = state.last_person
        recent = person is not None and para - state.last_person_para <= 1
        return True, person if recent and state.last_subject_key == speaker_key(person) else None

    _NO_SUBJECT_RULES: tuple[tuple[str, Callable[..., _Decision]], ...] = (
        ("told-by-next", _told_by_next_rule),
        ("unread-subject", _unread_subject_rule),
        ("previous-speaker", _previous_speaker_rule),
        ("recent-topic", _recent_topic_rule),
    )

    def _this_way_speaker(self, para: int) -> tuple[Speaker, tuple[int, str, str | None]] | None:
        """Who paragraph ``para`` says spoke "이같이" (this way), and the verb: for a quote standing alone."""
        paragraphs = self.article.paragraphs
        if para >= len(paragraphs):
            return None
        text = paragraphs[para]
        sentences = self.sentences[para]
        if len(sentences) == 1 and not sentences[0].quotes:
            # "김도윤 감독의 말이다.": a paragraph that only says whose words the quote above were
            tokens = sentences[0].tokens
            last, noun, owner = whose_words(tokens, sentences[0].mentions, len(tokens))
            if noun and owner is not None and last.endswith("다") and owner.kind != "pronoun":
                speaker = self._resolve(owner, para)
                if speaker is not None:
                    return speaker, (-1, last, noun[1])
        for sentence in sentences:
            tokens = sentence.tokens
            if not any(t.core in THIS_WAY for t in tokens):
                continue
            if any(particle_after(text, span)[0] in ("quotative", "chain") for span in sentence.quotes):
                continue  # a sentence with speech of its own; quoted names ('반도체대전') do not count
            verb = find_verb(tokens, 0, len(tokens))
            if verb is None:
                continue
            subject = self._subject(sentence.mentions)
            speaker = (
                self._resolve(subject, para) if subject is not None and subject.kind != "pronoun" else None
            )
            if speaker is not None:
                return speaker, (-1, verb[1], verb[2])
        return None

    def _speech_groups(
        self, text: str, sentence: Item, tokens: Sequence[Token]
    ) -> list[tuple[list[QuoteSpan], Verb | None, Mention | None]]:
        """Quotes of the sentence that are speech, grouped by "…"며 "…"고 chains, each with its verb
        (and its speaker when the sentence names it after the quote: "…"라는 게 김 대표의 설명이다)."""
        groups: list[tuple[list[QuoteSpan], Verb | None, Mention | None]] = []
        current: list[QuoteSpan] = []
        spans = sentence.quotes
        for n, span in enumerate(spans):
            kind, ending = particle_after(text, span)
            if not span.closed and UNCLOSED_END.search(span.inner(text)):
                kind = "unclosed-reported"
            current.append(span)
            next_start = spans[n + 1].start if n + 1 < len(spans) else None
            if (
                kind == "chain"
                and next_start is not None
                and (spans[n + 1].double or not span.double)  # not into a quoted term: "…"며 '자백' 리뷰를
                and not words_between(tokens, span.end, next_start)
            ):
                continue  # "…"며 "…": the chain goes on
            if kind == "none" and next_start is not None and text[span.end : next_start].strip() == "":
                continue
            group = current
            current = []
            after = tokens_before(tokens, span.end)
            stop = tokens_before(tokens, next_start) if next_start is not None else len(tokens)
            verb = find_verb(tokens, after, stop)
            if (
                verb is None
                and kind == "quotative"
                and text[span.end + len(ending) : span.end + len(ending) + 1] == ","
            ):
                # ""…"고, 끝으로 시우는 "…"라고 말했다": coordinated clauses share the last one's verb
                verb = find_verb(tokens, stop, len(tokens))
            owner: Mention | None = None
            question = QUESTION.match(text, span.end) if span.double else None
            if kind == "term" and question is not None and tokens_before(tokens, question.end()) < stop + 1:
                # ""…냐"는 질문에": a quoted question belongs to whoever asked it, here not named
                k = tokens_before(tokens, question.start(2))
                who = ASKERS.get(question.group("asker") or "", "a questioner")  # "…"라는 기자의 질문에"
                asker = Mention("unnamed", question.start(2), question.end(), k, k, "", "질문자",
                                title="질문자", description=who)  # fmt: skip
                kind, verb, owner = "quotative", (k, question.group(2), "asked"), asker
            elif (
                kind == "term"
                and span.double
                and after + 1 < stop
                and tokens[after].raw in ("을", "를")
                and verb is not None
                and verb[0] == after + 1
                and " " in span.inner(text).strip()  # words said, not a term ("예산안"을 발표했다)
            ):
                kind = "quotative"  # ""…"을 건의했다": the quoted words are what the verb reports
            elif kind == "none" and span.double and _ROUNDUP_OWNER.match(text, span.end):
                # "○…"예산은 충분하다" = 김 장관이 답하며 …": a roundup item names its speaker after "="
                # ""…" - 유 사장(3일 간담회에서)": a pull quote signed with a dash
                named_after = [m for m in sentence.mentions if m.first >= after and m.last < stop]
                first_owner = named_after[0] if named_after else None
                signed = first_owner is not None and all(
                    not t.core.strip("=-–—") for t in tokens[after : first_owner.first]
                )
                if (
                    signed
                    and first_owner is not None
                    and first_owner.particle in ("이", "가", "은", "는", "")
                ):
                    kind, owner = "quotative", first_owner
                    verb = find_verb(tokens, first_owner.last + 1, stop) or verb
                    if verb is None and first_owner.particle == "" and first_owner.kind != "pronoun":
                        verb = (first_owner.last, "-", "said")  # the signature alone says who said it
            elif kind == "term" and span.double:
                said = says_noun(text, span, tokens, stop, sentence.mentions)
                said = said or owned_before(text, span, tokens, sentence.mentions)
                if said is not None:
                    kind, verb, owner = "quotative", said[0], said[1]
            elif kind == "none" and span.double and next_start is None and stop - after >= 2:
                # ""…" 김 대표의 말이다." / ""…" 김 대표의 설명이다."
                last_core, noun, owner = whose_words(tokens, sentence.mentions, stop)
                said_by = stance_of(tokens[stop - 2].core) if stop - after >= 3 else None
                what = last_core.removesuffix("이다").removesuffix("다").removesuffix("입니")
                if owner is None and said_by and what in SAID_THINGS:
                    # ""…" 박 감독이 선수들에게 당부한 말이다": the one marked 이/가 before an adnominal
                    # reporting verb and the thing said
                    owners = (
                        m for m in sentence.mentions
                        if after <= m.first and m.last < stop - 2 and m.particle in ("이", "가")
                    )  # fmt: skip
                    owner = next(owners, None)
                    noun = (what, said_by) if owner is not None else noun
                if noun and owner and last_core.endswith("다"):
                    kind, verb = "quotative", (stop - 1, last_core, noun[1])
                else:
                    owner = None
            if (
                kind == "none"
                and span.double
                and verb is not None
                and STATEMENT_END.search(span.inner(text))
                and len(span.inner(text).strip()) >= 10
                and " " in span.inner(text).strip()
                and any(tokens[k].core in THIS_WAY for k in range(after, verb[0]))
            ):
                # ""…합니다." 쿡 CEO는 이날 간담회에서 이같이 말했다.": the sentence after tells who said it
                kind = "quotative"
            final = verb is not None and verb[1].rstrip(".").endswith("다")
            if kind == "none" and span.double and verb is not None and verb[0] == after and final:
                kind = "quotative"  # ""…" 밝혔습니다": the quotative ending left out before the verb
            if kind == "unclosed-reported":
                match = UNCLOSED_END.search(span.inner(text))
                verb_word = match.group(1) if match else ""
                verb = (after, verb_word, stance_of(verb_word)) if stance_of(verb_word) else None
                kind = "quotative" if verb else "none"
            if self._is_speech(text, group, kind, verb, tokens, after, stop):
                groups.append((group, verb, owner))
        return groups

    def _is_speech(
        self,
        text: str,
        group: Sequence[QuoteSpan],
        kind: str,
        verb: tuple[int, str, str | None] | None,
        tokens: Sequence[Token],
        after: int,
        stop: int,
    ) -> bool:
        inner = " ".join(s.inner(text).strip() for s in group)
        doubles = all(s.double for s in group)
        long_enough = len(inner) >= 10 and " " in inner
        if kind == "term":
            return False
        if any(tokens[k].core.startswith(NAMING_STEMS) for k in range(after, min(after + 3, stop))):
            return False  # "…"이라고 부른다: a name for something, not speech
        if not doubles:
            # single marks: only long speech with a quotative ending and a reporting verb
            return kind in ("quotative", "chain") and verb is not None and long_enough
        if kind == "quotative":
            if verb is None and said_whole(inner):
                return True  # ""죄송합니다"라고 울먹였다": a quotative ending after a whole sentence
            if verb is not None and verb[2] == "wrote":
                # "…"라고 적었다/썼다: a written statement, or only a word written down ("AI 원팀")
                return long_enough or inner.rstrip(".!? ").endswith(("다", "요", "까", "죠"))
            if verb is not None:
                return True
            # "…"라고 불리는 …: a name, not speech; a long quote closing its sentence with a verb is speech
            return (
                long_enough and after < len(tokens) and tokens[min(stop, len(tokens)) - 1].core.endswith("다")
            )
        if kind == "chain":
            return verb is not None or long_enough
        # no ending: speech when it closes its sentence and is long enough to be said
        return long_enough and all(not t.core for t in tokens[after:stop])

    def _add_quote(
        self,
        text: str,
        para: int,
        span: QuoteSpan,
        location: Location,
        kind: Literal["direct", "reported"],
        verb: tuple[int, str, str | None] | None,
        speaker: Speaker,
    ) -> None:
        start, end = span.inner_start, span.inner_end
        if not span.closed:
            match = UNCLOSED_END.search(text[start:end])
            if match and stance_of(match.group(1)):
                # "…서두르겠다고 말했다." with no closing mark: the quote ends before its own reporting clause
                end = start + match.start() + 1  # keep the final syllable (다/요/것/까), drop the ending
        start, end = strip_span(text, start, end)
        if end <= start:
            return
        self.quotes.append(
            Quote(
                article_id=self.article.id,
                location=location,
                paragraph=para,
                span=(start, end),
                text_ko=text[start:end],
                kind=kind,
                verb=verb[1] if verb else None,
                stance=verb[2] if verb else None,
                speaker=speaker,
            )
        )

    def sound_bite(self, text: str, para: int, who: str, start: int, stop: int) -> None:
        """A transcript's sound bite: the words after the colon, by the person the label names."""
        speaker = self.cast.label_speaker(who) or Speaker(kind="unknown")
        spans = [s for s in find_quote_spans(text[:stop]) if s.start >= start and s.double]
        if spans:
            for span in spans:
                self._add_quote(text, para, span, "body", "direct", None, speaker)
        else:
            begin, end = strip_span(text, start, stop)
            if end - begin >= 5:
                whole = QuoteSpan(begin, end, begin, end, "", True, True)
                self._add_quote(text, para, whole, "body", "direct", None, speaker)
        self._note_speaker(speaker, para)

    # ------------------------------------------------------------ reported speech
    def _reported(
        self,
        text: str,
        para: int,
        tokens: Sequence[Token],
        mentions: Sequence[Mention],
        quotes: Sequence[QuoteSpan] = (),
    ) -> None:
        if len(tokens) < 3:
            return
        last = len(tokens) - 1
        verb = find_verb(tokens, max(0, last - 1), last + 1)
        if verb is None or verb[0] != last or not tokens[last].core.endswith("다"):
            return
        marker = next(
            (
                k
                for k in range(verb[0] - 1, max(-1, verb[0] - 5), -1)
                if tokens[k].core.endswith(REPORTED_END)
            ),
            None,
        )
        if marker is None:
            return
        if any(span.end == tokens[marker].start for span in quotes):
            return  # ""AI 원팀"이라고 썼다": the quoted words were not taken for speech; nor is this
        before = [m for m in mentions if m.last < marker]
        after = [m for m in mentions if marker < m.first < verb[0]]
        # "김 대표는 …했다고 회사 측이 밝혔다": the subject next to the verb is the one who said it
        subject = self._subject(after) or self._subject(before)
        if subject is None or subject.kind == "org":
            return  # no one, or an organisation's statement: not a person's speech
        if is_joint(mentions, subject):
            return  # "A 사장과 B 사장은 …라고 입을 모았다": no one speaker to name
        speaker = self._resolve(subject, para) or Speaker(kind="unknown", ko=subject.bare_text)
        self._note_subject(subject, speaker, para)
        content_start = tokens[0].start
        if subject in before:
            following = [t for t in tokens if t.start >= subject.end]
            content_start = following[0].start if following else subject.end
        marker_token = tokens[marker]
        ending = 1  # "…한다고": keep 다, drop 고
        for quotative in ("이라고", "라고"):
            if marker_token.core.endswith(quotative) and not marker_token.core.endswith("다라고"):
                ending = len(quotative)  # "…시대라고", "…필수적이라고": drop the quotative ending
                break
        content_end = marker_token.start + len(marker_token.raw.rstrip(",")) - ending
        start, end = strip_span(text, content_start, content_end)
        start = skip_connectives(text, start, end)
        if end - start < 5:
            return
        self.quotes.append(
            Quote(
                article_id=self.article.id,
                location="body",
                paragraph=para,
                span=(start, end),
                text_ko=text[start:end],
                kind="reported",
                verb=verb[1],
                stance=verb[2],
                speaker=speaker,
            )
        )
        self._note_speaker(speaker, para)

    # ------------------------------------------------------------ headlines
    def _heading(self, text: str, location: Location, index: int) -> None:
        spans = find_quote_spans(text)
        if not spans:
            return
        tokens: list[Token] = []
        cursor = 0
        for span in spans:
            tokens += tokenize(text, cursor, span.start)
            cursor = span.end
        mentions = find_mentions(tokens, text, self.table, self.declared)
        ends = {m.end: m for m in mentions}
        for span in spans:
            inner = span.inner(text).strip()
            kind, ending = particle_after(text, span)
            following = text[span.end + len(ending) : span.end + len(ending) + 20].split()[:2]
            if any(word.startswith(NAMING_STEMS) for word in following):
                continue  # "…"이라고 불린다: a name, not speech
            gap = text[max(0, span.start - 3) : span.start]
            before = next((ends[span.start - k] for k in range(len(gap) + 1) if span.start - k in ends), None)
            if before is not None and text[before.end : span.start].strip():
                before = None
            subject = before if before is not None and subject_rank(before, adjacent=True) >= 0 else None
            if subject is not None:
                if len(inner) < (2 if span.double else 8):
                    continue
                speaker = self._resolve(subject, -10) if subject.kind != "pronoun" else None
                speaker = speaker or Speaker(kind="unknown", ko=subject.bare_text)
            elif span.double and kind != "term" and len(inner) >= 8 and " " in inner:
                speaker = Speaker(kind="unknown")
            else:
                continue
            self._add_quote(text, index, span, location, "direct", None, speaker)


def extract_quotes(article: Article, people: PeopleTable) -> tuple[Quote, ...]:
    """Direct and reported speech in ``article``: headline and sub-headline quotes first, then the body.
    A paragraph the page prints twice (a portal's summary box, a repeated block) is read once."""
    return _Extractor(article, people).run()


def extract_with_roster(article: Article, people: PeopleTable) -> tuple[tuple[Quote, ...], tuple[Named, ...]]:
    """The quotes of ``article`` and everyone it names in full (for resolving short forms across a run)."""
    extractor = _Extractor(article, people)
    quotes = extractor.run()
    return quotes, extractor.cast.roster()
