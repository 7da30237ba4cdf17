"""Hand-built Digest records for the render tests (a small realistic digest and a hostile one), and a
CommonMark parser set up like GitHub's (tables, strikethrough, footnotes, front matter).

Loaded by tests/test_render*.py and tests/test_build*.py through importlib (tests/ is not a package).
Changing a record here changes tests/data/render/small_digest.md, the exact snapshot.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from brief.records import (
    Article,
    ArticleBrief,
    BriefPoint,
    DateEvidence,
    Digest,
    Failure,
    FigureDispute,
    GlossaryEntry,
    MergedBrief,
    ModelInfo,
    Outlet,
    Provenance,
    Quote,
    Reporter,
    SentencePair,
    Speaker,
    Story,
    StoryFact,
    StoryLink,
    TranslatedArticle,
)

MT = ModelInfo(
    role="translation",
    name="Helsinki-NLP/opus-mt-tc-big-ko-en",
    backend="seq2seq",
    revision="0123abcd",
    licence="CC-BY-4.0",
)
EXTRACTIVE = ModelInfo(role="summarization", name="extractive", backend="extractive")

KIM = Speaker(kind="named", ko="김영섭", en="Kim Young-shub", title="CEO", org="KT", verified=True)
NADELLA = Speaker(
    kind="named", ko="사티아 나델라", en="Satya Nadella", title="CEO", org="Microsoft", verified=True
)
CHO = Speaker(kind="named", ko="조원우", en="Cho Won-woo", title="head", org="Korea Microsoft", verified=True)
PARK = Speaker(kind="named", ko="박지훈", en="Park Ji-hun", verified=False)
OFFICIAL = Speaker(kind="unnamed", ko="KT 관계자", en="a KT official")
UNKNOWN = Speaker(kind="unknown")


def _quote(
    article_id: str,
    paragraph: int,
    text_ko: str,
    text_en: str | None,
    speaker: Speaker,
    kind: str = "direct",
    verb: str | None = "말했다",
    stance: str | None = "said",
    location: str = "body",
) -> Quote:
    return Quote(
        article_id=article_id,
        location=location,
        paragraph=paragraph,
        span=(0, len(text_ko)),  # type: ignore[arg-type]
        text_ko=text_ko,
        kind=kind,
        verb=verb,
        stance=stance,
        speaker=speaker,  # type: ignore[arg-type]
        text_en=text_en,
    )


def _article(
    id_: str,
    source: str,
    headline: str,
    paragraphs: tuple[str, ...],
    date: dt.date | None,
    outlet: Outlet,
    reporters: tuple[Reporter, ...],
) -> Article:
    return Article(
        id=id_,
        source=source,
        headline=headline,
        subheadlines=(),
        paragraphs=paragraphs,
        captions=(),
        outlet=outlet,
        reporters=reporters,
        date=date,
        date_evidence=DateEvidence(kind="explicit", text=str(date)) if date else None,
    )


def _translated(
    article: Article, headline_en: str, paragraphs_en: tuple[str, ...], quotes: tuple[Quote, ...]
) -> TranslatedArticle:
    sentences = tuple(
        SentencePair(paragraph=i, index=0, ko=ko, en=en)
        for i, (ko, en) in enumerate(zip(article.paragraphs, paragraphs_en, strict=False))
    )
    return TranslatedArticle(
        article=article,
        headline_en=headline_en,
        subheadlines_en=(),
        paragraphs_en=paragraphs_en,
        sentences=sentences,
        quotes=quotes,
        model=MT,
    )


def small_digest() -> Digest:
    """Two articles (one undated), six speakers of every kind, glossary, a skipped input."""
    a1 = _article(
        "7787a1a13554aa61",
        "seeds/000_7787a1a13554aa61.txt",
        "KT, MS와 AI 파트너십 강화",
        (
            "KT는 26일 마이크로소프트와 파트너십을 강화한다고 밝혔다.",
            '김영섭 대표는 "한국적 AI로 AX를 이끌겠다"고 강조했다.',
            '조원우 한국마이크로소프트 대표는 "협력을 넓히겠다"고 말했다.',
        ),
        dt.date(2025, 2, 26),
        Outlet(ko="조선비즈", en="Chosun Biz"),
        (Reporter(name="안세준", email="a@example.com", name_en="Ahn Se-jun"),),
    )
    a2 = _article(
        "de47211a8ef0eb56",
        "https://news.example.com/article?id=2&lang=ko",
        '나델라 "AI 교육 확대"',
        (
            "사티아 나델라 CEO는 AI 교육을 확대하겠다고 밝혔다.",
            'KT 관계자는 "일정은 미정"이라고 했다.',
            '"좋은 기회"라는 말도 나왔다.',
            '박지훈 씨는 "기대된다"고 말했다.',
        ),
        None,
        Outlet(ko="전자신문", en=None),
        (),
    )
    q1 = (
        _quote(a1.id, 2, "협력을 넓히겠다", "We will widen our cooperation", CHO),
        _quote(
            a1.id,
            1,
            "한국적 AI로 AX를 이끌겠다",
            "We will lead AX with Korean AI",
            KIM,
            verb="강조했다",
            stance="stressed",
        ),
    )
    q2 = (
        _quote(
            a2.id,
            0,
            "AI 교육을 확대하겠다",
            "he would expand AI education",
            NADELLA,
            kind="reported",
            verb="밝혔다",
            stance="stated",
        ),
        _quote(a2.id, 1, "일정은 미정", "The schedule is undecided", OFFICIAL, verb="했다"),
        _quote(a2.id, 2, "좋은 기회", "A good opportunity", UNKNOWN, verb=None, stance=None),
        _quote(a2.id, 3, "기대된다", None, PARK),
        _quote(
            a2.id,
            0,
            "AI 교육 확대",
            "Expanding AI education",
            NADELLA,
            location="headline",
            verb=None,
            stance=None,
        ),
    )
    t1 = _translated(
        a1,
        "KT strengthens AI partnership with MS",
        (
            "KT said on the 26th that it would strengthen its partnership with Microsoft.",
            'CEO Kim Young-shub stressed, "We will lead AX with Korean AI."',
            'Cho Won-woo, head of Korea Microsoft, said, "We will widen our cooperation."',
        ),
        q1,
    )
    t2 = _translated(
        a2,
        'Nadella: "Expand AI education"',
        (
            "CEO Satya Nadella said he would expand AI education.",
            'A KT official said, "The schedule is undecided."',
            '"A good opportunity" was also heard.',
            'Park Ji-hun said, "I look forward to it."',
        ),
        q2,
    )
    b1 = ArticleBrief(
        article_id=a1.id,
        lede="KT will strengthen its AI partnership with Microsoft.",
        bullets=(
            BriefPoint("Kim Young-shub stressed leading AX with Korean AI.", (a1.id,)),
            BriefPoint("The partnership covers 3 areas.", (a1.id,), supported=False, issues=("3",)),
        ),
        key_numbers=("26th",),
        quotes=q1,
        supported=1,
        total=2,
        model=EXTRACTIVE,
    )
    b2 = ArticleBrief(
        article_id=a2.id,
        lede="Satya Nadella said he would expand AI education.",
        bullets=(BriefPoint("A KT official said the schedule is undecided.", (a2.id,)),),
        key_numbers=(),
        quotes=q2,
        supported=1,
        total=1,
        model=EXTRACTIVE,
        notes=("input chunked into 2 windows",),
    )
    merged = MergedBrief(
        points=(
            BriefPoint("KT and Microsoft widen their AI partnership.", (a2.id, a1.id)),
            BriefPoint("Microsoft will expand AI education in Korea.", (a2.id,)),
            BriefPoint("A claim the guard could not find.", (), supported=False),
        ),
        what_is_new="KT and Microsoft deepen their AI partnership.",
        supported=2,
        total=3,
        model=EXTRACTIVE,
    )
    glossary = (
        GlossaryEntry(ko="한국적 AI", en="Korean-style AI", kind="term"),
        GlossaryEntry(ko="김영섭", en="Kim Young-shub (CEO, KT)", kind="person"),
        GlossaryEntry(ko="마이크로소프트", en="Microsoft", kind="org"),
        GlossaryEntry(ko="사티아 나델라", en="Satya Nadella (CEO, Microsoft)", kind="person"),
    )
    provenance = Provenance(
        version="0.1.0",
        models=(MT, EXTRACTIVE),
        prompt_hashes=(("article_brief.user.j2", "ab12cd34"),),
        settings=(("mt_backend", "auto"), ("since", "2025-02-20")),
    )
    money = StoryFact(
        kind="money",
        value="KRW 2.4 trillion",
        sources=(a1.id,),
        ko="2.4조 원",
        context_ko="양사 협력 규모는 2.4조 원이다.",
        context_en="The two companies' cooperation is worth KRW 2.4 trillion.",
        measure=("협력", "규모"),
    )
    other = StoryFact(
        kind="money",
        value="KRW 2 trillion",
        sources=(a2.id,),
        ko="2조 원",
        context_ko="협력 규모는 2조 원이다.",
        measure=("협력", "규모"),
    )
    years = StoryFact(
        kind="duration",
        value="five years",
        sources=(a1.id, a2.id),
        ko="5년간",
        context_ko="5년간 협력한다.",
        context_en="They will cooperate for five years.",
    )
    story = Story(
        id="story-0123456789ab",
        title="KT strengthens AI partnership with MS",
        articles=(a1.id, a2.id),
        outlets=("Chosun Biz", "전자신문"),
        first_date=dt.date(2025, 2, 26),
        last_date=dt.date(2025, 2, 26),
        in_period=True,
        facts=(years, money, other),
        disputes=(FigureDispute(kind="money", measure=("규모", "협력"), facts=(money, other)),),
        links=(StoryLink((a1.id, a2.id), 0.31, ("person: Kim Young-shub (김영섭)", "org: Microsoft (MS)")),),
        points=merged.points[:2],
        names=("Kim Young-shub", "Satya Nadella", "KT", "Microsoft"),
    )
    old = Story(
        id="story-ba9876543210",
        title="An older story",
        articles=("no-such-article",),
        outlets=("Maeil Business Newspaper",),
        first_date=dt.date(2020, 2, 20),
        last_date=dt.date(2020, 2, 20),
        in_period=False,
    )
    return Digest(
        title="Korean news brief 2025-W09",
        week="2025-W09",
        generated_at="2025-02-27T09:00:00Z",
        articles=(t1, t2),
        briefs=(b1, b2),
        merged=merged,
        quotes=q1 + q2,
        glossary=glossary,
        provenance=provenance,
        failures=(Failure("seeds/broken.txt", "no Korean text found"),),
        stories=(story, old),
        period_start=dt.date(2025, 2, 24),
        period_end=dt.date(2025, 3, 2),
    )


# Everything an article could carry to break out of plain text, one per line.
HOSTILE = (
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "[click](javascript:alert(3))",
    "![pic](javascript:alert(4))",
    "<javascript:alert(5)>",
    "# Fake heading",
    "## Fake heading ##",
    "- fake item",
    "1. fake ordered item",
    "* fake star item",
    "+ fake plus item",
    "> fake quote",
    "| a | b |",
    "[^a1] fake footnote reference",
    "[^x]: fake footnote definition",
    "[ref]: https://evil.example/",
    "---",
    "***",
    "**bold** _em_ `code` ~~strike~~ $x$",
    "```\nfenced\n```",
    "    indented code",
    "</details><script>alert(6)</script>",
    "line one\n# heading on line two\n\n---\ntitle: injected",
    '{: onclick="alert(7)" }',
    "[TOC]",
    "///Footnotes Go Here///",
    "&lt;script&gt;alert(8)&lt;/script&gt;",
    "\u202eevil\u202c and a NUL \x00 and ESC \x1b[31m",
    "Setext\n===",
    "<!-- comment -->",
    '<a href="javascript:alert(9)">x</a>',
)


def hostile_digest() -> Digest:
    """One article whose every article-derived field is hostile."""
    bad = "\n".join(HOSTILE)
    ok = small_digest()
    speaker = Speaker(
        kind="named",
        ko=bad,
        en="</details># Evil [^a1] <script>x</script>",
        title="<b>CEO</b>",
        org="| KT |",
        verified=False,
    )
    article = Article(
        id="<evil id>/../\n# x",
        source="javascript:alert(10)",
        headline=bad,
        subheadlines=(bad,),
        paragraphs=HOSTILE,
        captions=(bad,),
        outlet=Outlet(ko=bad, en="---\n<script>"),
        reporters=(Reporter(name=bad, name_en="[x](javascript:alert(11))"),),
        date=None,
        date_evidence=None,
    )
    quotes = (
        *(
            _quote(article.id, i, t, t, speaker, kind="reported" if i % 2 else "direct", verb=t, stance=t)
            for i, t in enumerate(HOSTILE)
        ),
        _quote(article.id, 0, bad, bad, UNKNOWN),
    )
    translated = TranslatedArticle(
        article=article,
        headline_en=bad,
        subheadlines_en=(bad,),
        paragraphs_en=HOSTILE,
        sentences=(),
        quotes=quotes,
        model=MT,
        captions_en=(bad,),
    )
    point = BriefPoint(bad, (article.id, "no-such-id"))
    brief = ArticleBrief(
        article_id=article.id,
        lede=bad,
        bullets=(point,),
        key_numbers=(bad,),
        quotes=quotes,
        supported=1,
        total=1,
        model=EXTRACTIVE,
        notes=(bad,),
    )
    merged = MergedBrief(
        points=(point,), what_is_new=bad, supported=1, total=1, model=EXTRACTIVE, notes=(bad,)
    )
    return Digest(
        title=bad,
        week="2025-W09",
        generated_at="2025-02-27T09:00:00Z",
        articles=(translated,),
        briefs=(brief,),
        merged=merged,
        quotes=quotes,
        glossary=(GlossaryEntry(ko=bad, en=bad, kind=bad),),
        provenance=ok.provenance,
        failures=(Failure(bad, bad),),
        stories=(hostile_story(article.id, bad),),
    )


def hostile_story(article_id: str, bad: str) -> Story:
    """A story whose every text field is hostile (ids and kinds come from brief, never from articles)."""
    fact = StoryFact(
        kind="money", value=bad, sources=(article_id,), ko=bad, context_ko=bad, context_en=bad, measure=(bad,)
    )
    korean_only = StoryFact(kind="money", value=bad + "2", sources=(article_id,), ko=bad, context_ko=bad)
    return Story(
        id="story-<evil>",
        title=bad,
        articles=(article_id,),
        outlets=(bad,),
        first_date=None,
        last_date=None,
        in_period=True,
        facts=(fact, korean_only),
        disputes=(FigureDispute(kind="money", measure=(bad,), facts=(fact, korean_only)),),
        links=(StoryLink((article_id, article_id), 1.0, (bad,)),),
        points=(BriefPoint(bad, (article_id,)),),
        names=(bad, bad),
    )


def commonmark() -> MarkdownIt:
    """A CommonMark parser with the GFM pieces the digest relies on or must not trigger."""
    return (
        MarkdownIt("commonmark")
        .enable(["table", "strikethrough"])
        .use(front_matter_plugin)
        .use(footnote_plugin)
    )


def walk(tokens: list[Token]) -> Iterator[Token]:
    """Every token, block and inline, in document order."""
    for token in tokens:
        yield token
        if token.children:
            yield from walk(token.children)


def headings(tokens: list[Token]) -> list[tuple[str, str]]:
    """(tag, plain text) of every heading: the text without the explicit anchor."""
    out = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            inline = tokens[i + 1]
            text = "".join(c.content for c in inline.children or [] if c.type == "text")
            out.append((token.tag, text))
    return out
