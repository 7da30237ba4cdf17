"""Stories, key figures and the order of quotes: structure, never wording.

On the seeds (a stand-in translator, the real other stages) and on synthetic batches built here: a
story told by three outlets with one figure in dispute, an old article, two unrelated stories on the
same day, a speaker with twenty quotes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import itertools
import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from brief.config import BriefConfig
from brief.records import Article, Digest, ModelInfo, Outlet, Quote, Speaker, Story, TranslatedArticle
from brief.render import render_html, render_markdown
from brief.render.markdown import RenderOptions
from brief.stories import build_stories
from brief.stories.figures import find_figures
from brief.stories.quotes import STRONG_STANCES, rank_quotes

DATA = Path(__file__).parent / "data" / "render"
_spec = importlib.util.spec_from_file_location("render_fixtures", DATA / "fixtures.py")
assert _spec and _spec.loader
fx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fx)

MODEL = ModelInfo(role="translation", name="identity", backend="test")
WEEK = (dt.date(2025, 3, 3), dt.date(2025, 3, 9))


def _article(
    id_: str, outlet: str, headline: str | None, paragraphs: Sequence[str], date: dt.date | None
) -> TranslatedArticle:
    """A Korean article, "translated" as itself (grouping reads only the Korean)."""
    article = Article(
        id=id_,
        source=f"{id_}.txt",
        headline=headline,
        subheadlines=(),
        paragraphs=tuple(paragraphs),
        captions=(),
        outlet=Outlet(ko=outlet, en=None),
        reporters=(),
        date=date,
        date_evidence=None,
    )
    return TranslatedArticle(
        article=article,
        headline_en=headline,
        subheadlines_en=(),
        paragraphs_en=tuple(paragraphs),
        sentences=(),
        quotes=(),
        model=MODEL,
    )


# ---------------------------------------------------------------- synthetic batches
PLANT = [  # one story, three outlets; the investment is 3조 in two of them, 2조5000억 in the third
    _article(
        "plant-a",
        "가나일보",
        "한빛에너지, 새만금에 이차전지 소재 공장 짓는다",
        [
            "한빛에너지가 새만금 산업단지에 이차전지 소재 공장을 짓는다고 4일 밝혔다.",
            "회사는 공장 투자 규모가 3조 원이며 2027년까지 1,200명을 고용할 계획이라고 설명했다.",
            "양극재 생산 능력은 연 10만 톤으로 늘어난다.",
        ],
        dt.date(2025, 3, 4),
    ),
    _article(
        "plant-b",
        "다라경제",
        "한빛에너지 새만금 공장 착공…투자 규모 2조5000억 원",
        [
            "이차전지 소재 기업 한빛에너지가 새만금 산업단지에 양극재 공장을 세운다.",
            "업계에 따르면 이번 공장 투자 규모는 2조5000억 원이다.",
            "새 공장의 고용 인원은 1,200명으로 예상된다.",
        ],
        dt.date(2025, 3, 4),
    ),
    _article(
        "plant-c",
        "마바뉴스",
        "새만금 양극재 공장…한빛에너지 1,200명 채용",
        [
            "한빛에너지는 새만금 산업단지 공장에서 1,200명을 새로 뽑는다고 5일 밝혔다.",
            "공장 투자 규모는 3조 원이며 가동 목표는 2026년 하반기다.",
        ],
        dt.date(2025, 3, 5),
    ),
]
SUBWAY = _article(  # the same day, nothing in common with the plant
    "subway",
    "가나일보",
    "서울 지하철 기본요금 150원 오른다",
    [
        "서울시는 지하철 기본요금을 다음 달부터 150원 올린다고 4일 밝혔다.",
        "시는 운송 적자가 커져 요금 조정이 불가피하다고 설명했다.",
        "경기도와 인천시도 같은 날 인상안을 내놓았다.",
    ],
    dt.date(2025, 3, 4),
)
BANK = _article(  # the same day again, a third unrelated story
    "bank",
    "다라경제",
    "두리은행, 정기예금 금리 0.3%포인트 인하",
    [
        "두리은행이 정기예금 금리를 0.3%포인트 내린다고 4일 공시했다.",
        "은행은 시장 금리 하락을 반영한 조치라고 밝혔다.",
    ],
    dt.date(2025, 3, 4),
)
OLD_PLANT = _article(  # the same company, six years earlier: another event
    "old-plant",
    "마바뉴스",
    "한빛에너지, 새만금 공장 부지 검토",
    [
        "한빛에너지가 새만금 산업단지에 이차전지 소재 공장 부지를 검토한다고 10일 밝혔다.",
        "투자 규모는 정해지지 않았다.",
    ],
    dt.date(2019, 6, 10),
)
BATCH = [*PLANT, SUBWAY, BANK, OLD_PLANT]


@pytest.fixture(scope="module")
def stories() -> tuple[Story, ...]:
    return build_stories(BATCH, period=WEEK)


def _story_of(stories: Sequence[Story], article_id: str) -> Story:
    return next(s for s in stories if article_id in s.articles)


def test_three_outlets_make_one_story_ranked_first(stories: tuple[Story, ...]) -> None:
    first = stories[0]
    assert set(first.articles) == {"plant-a", "plant-b", "plant-c"}
    assert len(first.outlets) == 3 and first.in_period
    assert first.links and all(
        any(not s.startswith(("term:", "name:")) for s in link.shared) for link in first.links
    )


def test_unrelated_stories_of_the_same_day_stay_apart(stories: tuple[Story, ...]) -> None:
    assert _story_of(stories, "subway").articles == ("subway",)
    assert _story_of(stories, "bank").articles == ("bank",)
    assert len(stories) == 4


def test_an_old_article_is_outside_the_period_and_last(stories: tuple[Story, ...]) -> None:
    old = _story_of(stories, "old-plant")
    assert old.articles == ("old-plant",)  # six years apart: never one story with this week's plant
    assert not old.in_period and stories[-1] is old
    assert all(s.in_period for s in stories[:-1])


def test_key_figures_carry_every_source_and_the_disputed_figure_both(stories: tuple[Story, ...]) -> None:
    plant = stories[0]
    facts = {f.value: f for f in plant.facts}
    assert set(facts["1,200 people"].sources) == {"plant-a", "plant-b", "plant-c"}
    assert set(facts["KRW 3 trillion"].sources) == {"plant-a", "plant-c"}
    assert facts["KRW 2.5 trillion"].sources == ("plant-b",)
    assert [f.value for f in plant.facts[:2]] == ["KRW 3 trillion", "1,200 people"]  # money, then by reach
    disputes = [d for d in plant.disputes if d.kind == "money"]
    assert len(disputes) == 1
    values = {f.value: set(f.sources) for f in disputes[0].facts}
    assert values == {"KRW 3 trillion": {"plant-a", "plant-c"}, "KRW 2.5 trillion": {"plant-b"}}


def test_grouping_does_not_depend_on_input_order(stories: tuple[Story, ...]) -> None:
    again = build_stories(list(reversed(BATCH)), period=WEEK)
    assert [(s.id, set(s.articles)) for s in again] == [(s.id, set(s.articles)) for s in stories]


def test_no_article_in_the_period_puts_everything_in_the_batch() -> None:
    stories = build_stories(BATCH, period=(dt.date(2030, 1, 1), dt.date(2030, 1, 7)))
    assert not any(s.in_period for s in stories)


def test_undated_articles_join_a_dated_story_and_follow_it() -> None:
    undated = [dataclasses.replace(t, article=dataclasses.replace(t.article, date=None)) for t in PLANT[1:]]
    stories = build_stories([PLANT[0], *undated, SUBWAY], period=WEEK)
    assert set(stories[0].articles) == {"plant-a", "plant-b", "plant-c"} and stories[0].in_period
    alone = build_stories(undated, period=WEEK)
    assert len(alone) == 1 and not alone[0].in_period  # undated only: "Also in this batch"


def test_an_article_without_headline_is_titled_from_its_first_sentence() -> None:
    untitled = _article("untitled", "가나일보", None, ["First sentence here. Second one."], None)
    (story,) = build_stories([untitled], period=WEEK)
    assert story.title == "First sentence here."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("양사 협력 규모만 2.4조 원에 달한다.", [("money", "KRW 2.4 trillion")]),
        ("2조4000억원을 투자한다.", [("money", "KRW 2.4 trillion")]),
        ("점유율이 12.5%로 올랐다.", [("percent", "12.5%")]),
        ("매출이 30퍼센트 늘었다.", [("percent", "30%")]),
        ("1,000명을 새로 뽑고 20곳에 센터를 연다.", [("count", "1,000 people"), ("count", "20 sites")]),
        ("5년간 협력한다.", [("duration", "five years")]),
        ("5개년 계획", [("duration", "five years")]),
        ("내년 1분기 출시", [("period", "first quarter")]),
        ("수조원 규모", [("money", "trillions of won")]),
        ("9월 30일 계약을 맺었다.", [("date", "30 September")]),
        ("2024년 10월 1일 발표했다.", [("date", "1 October 2024")]),
        ("지난달 30일 발표했다.", []),  # no month written: which month is not read
        ("김 대표는 개발과 건설을 맡았다.", []),  # 대, 개, 건 inside words are not counters
        ("2025년에 출범했다.", []),  # a year is a date, not a figure
    ],
)
def test_figures_have_units_and_exact_values(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.kind, f.value) for f in find_figures(text)] == expected


# ---------------------------------------------------------------- quotes
KIM = Speaker(kind="named", ko="이정호", en="Lee Jeong-ho", title="CEO", org="Hanbit Energy", verified=True)


def _quote(article_id: str, paragraph: int, text: str, kind: str = "reported", verb: str = "말했다") -> Quote:
    stance = {"말했다": "said", "강조했다": "stressed", "일축했다": "dismissed", "반박했다": "rebutted"}[verb]
    return Quote(
        article_id=article_id,
        location="body",
        paragraph=paragraph,
        span=(0, len(text)),
        text_ko=text,
        kind=kind,  # type: ignore[arg-type]
        verb=verb,
        stance=stance,
        speaker=KIM,
        text_en=f"EN {text}",
    )


STATEMENTS = [  # eighteen different things one person said, in two articles
    "공장 부지는 이미 확보했다",
    "인허가 절차가 예상보다 빨리 끝났다",
    "지역 대학과 손잡고 기술 인력을 키우겠다",
    "양극재 수요는 꾸준히 늘어날 것으로 본다",
    "유럽 고객사와의 납품 협상이 막바지다",
    "환경 설비에 별도 예산을 배정했다",
    "전기 요금이 가장 큰 변수다",
    "협력사 상생 기금도 마련한다",
    "북미 시장 진출은 내후년을 목표로 한다",
    "원료 조달처를 다변화하고 있다",
    "노사 협의는 원만하게 진행 중이다",
    "재활용 공정을 함께 갖춘다",
    "정부 지원책이 큰 힘이 됐다",
    "주주 환원 정책은 그대로 유지한다",
    "경쟁사 동향은 크게 신경 쓰지 않는다",
    "품질 검증에 가장 많은 시간을 쓴다",
    "현지 주민 설명회를 다시 연다",
    "채용 공고는 다음 달 낸다",
]
TWENTY = [
    *(_quote("plant-a" if i < 10 else "plant-b", i % 10, text) for i, text in enumerate(STATEMENTS)),
    _quote("plant-c", 0, "새만금 공장은 회사 성장의 발판이 될 것", kind="direct", verb="강조했다"),
    _quote("plant-b", 9, "새만금 공장은 회사 성장의 발판이 될 것", kind="direct", verb="강조했다"),
]


def _digest(quotes: Sequence[Quote]) -> Digest:
    base = fx.small_digest()
    return dataclasses.replace(base, articles=tuple(PLANT), briefs=(), quotes=tuple(quotes), stories=())


def test_a_quote_reported_by_two_outlets_is_one_entry_with_both_sources() -> None:
    entries = rank_quotes(TWENTY, {t.article.id: i for i, t in enumerate(PLANT)})
    assert len(entries) == 19
    top = entries[0]
    assert top.quote.kind == "direct" and {q.article_id for q in top.quotes} == {"plant-b", "plant-c"}


def test_strongest_first_direct_and_stance_before_plain_reported() -> None:
    quotes = [
        _quote("plant-a", 0, "공장 부지는 이미 확보했다고 말했다"),
        _quote("plant-a", 1, "인력 확보에는 문제가 없다", kind="direct"),
        _quote("plant-a", 2, "투자 축소설은 사실이 아니라고 일축했다", verb="일축했다"),
        _quote("plant-a", 3, "투자 규모는 3조 원으로 확정됐다", kind="direct", verb="강조했다"),
    ]
    order = [e.quote.paragraph for e in rank_quotes(quotes, {"plant-a": 0})]
    assert order == [3, 1, 2, 0]


def test_who_said_what_shows_a_few_per_speaker_and_collapses_the_rest() -> None:
    text = render_markdown(_digest(TWENTY))
    section = text.split("## Who said what", 1)[1].split("## Articles", 1)[0]
    up_front, _, collapsed = section.partition("<details")
    assert up_front.count("\n- **") == 3
    assert re.search(r"<summary>16 more quotes</summary>", collapsed)
    assert collapsed.count("\n- **") == 16
    first = up_front.split("\n- **", 2)[1]
    assert first.startswith("Stressed** (direct quote)") and "(reported by 2 articles)" in first
    assert re.search(r"\[\^a2-p10\] \[\^a3-p1\]", first)  # both sources, markers apart


def test_all_quotes_and_quotes_per_speaker_options() -> None:
    digest = _digest(TWENTY)
    everything = render_markdown(digest, options=RenderOptions(all_quotes=True))
    section = everything.split("## Who said what", 1)[1].split("## Articles", 1)[0]
    assert "<details" not in section and section.count("\n- **") == 19
    five = render_markdown(digest, options=RenderOptions(quotes_per_speaker=5))
    section = five.split("## Who said what", 1)[1].split("## Articles", 1)[0]
    assert section.partition("<details")[0].count("\n- **") == 5
    with pytest.raises(ValueError, match="at least 1"):
        RenderOptions(quotes_per_speaker=0)


# ---------------------------------------------------------------- the seeds, end to end
class _StandIn:
    """Marks Korean as "EN ..." instead of translating (the English is noise, as with tiny models)."""

    info = ModelInfo(role="translation", name="stand-in", backend="test")

    def translate(self, article: Article, quotes: Sequence[Quote] = ()) -> TranslatedArticle:
        return TranslatedArticle(
            article=article,
            headline_en=f"EN {article.headline}" if article.headline else None,
            subheadlines_en=tuple(f"EN {s}" for s in article.subheadlines),
            paragraphs_en=tuple(f"EN {p}" for p in article.paragraphs),
            sentences=(),
            quotes=tuple(dataclasses.replace(q, text_en=f"EN {q.text_ko}") for q in quotes),
            model=self.info,
        )


@pytest.fixture(scope="module")
def seeds_digest(seeds_dir: Path) -> Digest:
    import brief.translate
    from brief.pipeline import build_digest

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(brief.translate, "make_translator", lambda config, people=None, pool=None: _StandIn())
        return build_digest([seeds_dir], BriefConfig(source_date_epoch=0))


def _id(digest: Digest, prefix: str) -> str:
    return next(t.article.id for t in digest.articles if Path(t.article.source).name.startswith(prefix))


def test_seeds_kt_microsoft_is_one_story_of_four_outlets_first(seeds_digest: Digest) -> None:
    first = seeds_digest.stories[0]
    assert first.in_period
    assert set(first.articles) == {_id(seeds_digest, p) for p in ("000", "001", "002", "004")}
    assert len(first.outlets) == 4
    assert {"Kim Young-shub", "Microsoft"} <= set(first.names)  # who: named by two or more of them
    assert first.names.index("Kim Young-shub") < first.names.index("Microsoft")  # people first


def test_seeds_2020_article_is_outside_this_week(seeds_digest: Digest) -> None:
    old = _id(seeds_digest, "003")
    story = _story_of(seeds_digest.stories, old)
    assert story.articles == (old,) and not story.in_period
    text = render_markdown(seeds_digest)
    this_week = text.split("## This week", 1)[1].split("## Also in this batch", 1)[0]
    label = f"a{[t.article.id for t in seeds_digest.articles].index(old) + 1}"
    assert f"[^{label}]" not in this_week
    assert "## Also in this batch" in text


def test_seeds_krw_2_4_trillion_is_a_key_fact_with_its_source(seeds_digest: Digest) -> None:
    facts = {f.value: f for f in seeds_digest.stories[0].facts}
    assert _id(seeds_digest, "004") in facts["KRW 2.4 trillion"].sources
    text = render_markdown(seeds_digest)
    this_week = text.split("## This week", 1)[1].split("## Also in this batch", 1)[0]
    assert re.search(r"- \*\*KRW 2\.4 trillion\*\*.*\[\^a\d+\]", this_week)


_TOOL_NOTES = re.compile(r"(?i)\bnote:|parsed|kept the first|NUMBERS line|fallback|extractive used|untitled")


def test_seeds_reader_sections_have_no_tool_notes_and_every_article_a_title(seeds_digest: Digest) -> None:
    noted = dataclasses.replace(
        seeds_digest,
        briefs=tuple(
            dataclasses.replace(
                b, notes=("instruct answer parsed; kept the first 5 of 6 bullets", "no NUMBERS line")
            )
            for b in seeds_digest.briefs
        ),
    )
    text = render_markdown(noted)
    reader, _, provenance = text.partition("## Provenance")
    assert not _TOOL_NOTES.search(reader), _TOOL_NOTES.search(reader)
    assert "kept the first 5 of 6 bullets" in provenance
    untitled = _id(seeds_digest, "000")  # the seed without a headline
    i = [t.article.id for t in seeds_digest.articles].index(untitled)
    heading = re.search(rf'name="{re.escape(fx_anchor(untitled))}"></a>A{i + 1}\. (.+)', text)
    assert heading and heading.group(1).startswith("EN ")  # its first sentence


def fx_anchor(article_id: str) -> str:
    from brief.render.markdown import article_anchor

    return article_anchor(article_id)


def test_seeds_section_headings_are_kept_and_shown(seeds_digest: Digest) -> None:
    with_headings = [t for t in seeds_digest.articles if t.article.headings]
    assert with_headings
    text = render_markdown(seeds_digest)
    for translated in with_headings:
        assert len(translated.headings_en) == len(translated.article.headings)
        for english in translated.headings_en:
            assert english.startswith("EN ")
    assert "- **Sections:** ◇ EN " in text
    assert "**◇ EN " in text  # inside the full translation, where the heading stood


def test_seeds_since_after_every_date_says_the_period_is_empty(seeds_dir: Path) -> None:
    import brief.translate
    from brief.pipeline import build_digest

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(brief.translate, "make_translator", lambda config, people=None, pool=None: _StandIn())
        digest = build_digest([seeds_dir], BriefConfig(source_date_epoch=0, since=dt.date(2030, 1, 1)))
    assert len(digest.articles) == 3  # the undated ones: kept, whatever the filter
    assert (digest.period_start, digest.period_end) == (dt.date(2030, 1, 1), None)
    assert digest.stories and not any(s.in_period for s in digest.stories)
    text = render_markdown(digest)
    this_week = text.split("## This week", 1)[1].split("## Also in this batch", 1)[0]
    assert "No article is dated in this period (from 2030-01-01)" in this_week


def test_seeds_html_puts_the_title_first_and_wraps_long_lines(seeds_digest: Digest) -> None:
    page = render_html(seeds_digest)
    assert page.index("<h1") < page.index('<nav class="toc">')
    assert "overflow-wrap:anywhere" in page


# ---------------------------------------------------------------- brief build's digest options
@pytest.fixture
def fake_build(monkeypatch: pytest.MonkeyPatch) -> list[Digest]:
    """``brief build`` with build_digest returning the digest the test puts in the list."""
    import brief.pipeline

    digests: list[Digest] = [dataclasses.replace(_digest(TWENTY), failures=())]
    monkeypatch.setattr(brief.pipeline, "build_digest", lambda *a, **k: digests[0])
    return digests


def _run(args: list[str]) -> tuple[int, str]:
    from typer.testing import CliRunner

    from brief.cli import app

    result = CliRunner().invoke(app, ["build", "in/", *args])
    return result.exit_code, result.stderr


def test_cli_quote_options_and_front_matter_switch(fake_build: list[Digest], tmp_path: Path) -> None:
    out = tmp_path / "x.md"
    assert _run(["-o", str(out), "-q"])[0] == 0
    default = out.read_text(encoding="utf-8")
    assert default.startswith("---\n") and "<summary>16 more quotes</summary>" in default
    assert _run(["-o", str(out), "-q", "--all-quotes", "--no-front-matter"])[0] == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# ") and "more quotes</summary>" not in text
    assert _run(["-o", str(out), "-q", "--quotes-per-speaker", "10"])[0] == 0
    assert "<summary>9 more quotes</summary>" in out.read_text(encoding="utf-8")
    code, stderr = _run(["-o", str(out), "--quotes-per-speaker", "0"])
    assert code != 0 and "--quotes-per-speaker" in stderr


def test_cli_an_empty_period_says_so_on_stderr_and_in_the_digest(
    fake_build: list[Digest], tmp_path: Path
) -> None:
    fake_build[0] = dataclasses.replace(
        fx.small_digest(),
        failures=(),
        stories=tuple(dataclasses.replace(s, in_period=False) for s in fx.small_digest().stories),
    )
    out = tmp_path / "x.md"
    code, stderr = _run(["-o", str(out)])
    assert code == 0  # a quiet week is not an error: the digest is written, and says so
    assert "no article is dated between 2025-02-24 and 2025-03-02" in stderr
    assert _run(["-o", str(out), "-q"]) == (0, "")  # --quiet: only the digest says it
    this_week = out.read_text(encoding="utf-8").split("## This week", 1)[1].split("## Also in this batch")[0]
    assert "No article is dated in this period (2025-02-24 to 2025-03-02)" in this_week


def test_rendered_digest_reads_the_same_in_commonmark_and_python_markdown() -> None:
    """Footnote markers apart and the overview's sentences separate, in both dialects."""
    import markdown

    text = render_markdown(fx.small_digest())
    body = text.split("\n---\n", 1)[1]
    html = markdown.markdown(body, extensions=["footnotes", "tables", "toc", "md_in_html"])
    assert not re.search(r"</sup><sup", html)  # never two markers touching
    tokens = fx.commonmark().parse(text)
    inline = [t for t in fx.walk(tokens) if t.type == "inline"]
    for token in inline:
        kinds = [c.type for c in token.children or []]
        assert not any(a == b == "footnote_ref" for a, b in itertools.pairwise(kinds)), token.content
    overview = text.split("# Korean news brief 2025-W09\n\n", 1)[1].split("\n\n", 1)[0]
    assert overview.endswith(".") and overview.count(". ") >= 2  # three sentences, each closed


def test_the_merged_overview_closes_each_sentence() -> None:
    from brief.records import BriefPoint
    from brief.summarize.merge import what_is_new

    points = [
        BriefPoint("KT and Microsoft sign a partnership", ("a", "b"), date=dt.date(2025, 3, 3)),
        BriefPoint("The plant opens in March", ("c",), date=dt.date(2025, 3, 5)),
    ]
    text = what_is_new(points, 3)
    assert text == (
        "Reported by 2 of 3 articles: KT and Microsoft sign a partnership. "
        "Latest (2025-03-05): The plant opens in March."
    )


def test_seeds_who_said_what_is_short_and_strongest_first(seeds_digest: Digest) -> None:
    text = render_markdown(seeds_digest)
    section = text.split("## Who said what", 1)[1].split("## Articles", 1)[0]
    kim = section.split("### ", 2)[1]  # the first speaker: the priority list puts the CEO first
    assert kim.split("</a>", 1)[1].startswith("Kim Young-shub")
    up_front, _, rest = kim.partition("<details")
    assert up_front.count("\n- **") == 3 and re.search(r"<summary>\d+ more quotes</summary>", rest)
    first = up_front.split("\n- **", 2)[1]
    assert "(direct quote)" in first and first.split("**", 1)[0].lower() in STRONG_STANCES
