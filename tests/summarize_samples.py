"""Hand-written English articles for the summarizer tests (three report the same KT–Microsoft news)."""

from __future__ import annotations

import datetime as dt

from brief.records import Quote, Speaker, TranslatedArticle
from brief.summarize import english_article

KT_MS_1 = """\
KT and Microsoft agreed to expand their artificial intelligence partnership into education, \
KT said on the 26th.
KT CEO Kim Young-shub met Microsoft CEO Satya Nadella at KT's Gwanghwamun headquarters in Seoul on the 25th.
The two companies are jointly developing a Korean-style AI model that they aim to commercialize \
in the second quarter.
KT will invest KRW 2.4 trillion in AI and cloud over five years under the partnership signed last September.
Nadella said Microsoft will run a nationwide AI skilling initiative with KT.
The meeting was held a day before the Microsoft AI Tour in Seoul."""

KT_MS_2 = """\
Microsoft chief Satya Nadella visited Seoul and met KT CEO Kim Young-shub on the 25th.
KT and Microsoft agreed to expand their AI partnership into education, the company said.
Under the partnership signed in September, KT is investing 2.4 trillion won over five years.
Nadella also met leaders of Hyundai Motor Group, Shinhan Financial Group and POSCO Group."""

KT_MS_3 = """\
KT said it will set up an AX delivery centre with Microsoft experts to speed up AI adoption \
in Korean industry.
KT and Microsoft will expand their artificial intelligence partnership into education, KT said.
The company plans to invest 2.4 trillion won with Microsoft over five years.
Cho Won-woo, CEO of Microsoft Korea, attended the AX Leader Summit."""

SAMSUNG = """\
Samsung Electronics said its operating profit rose 12.5 percent in the first quarter.
The company sold 60 million smartphones in the quarter, it said.
Shares rose 3 percent in Seoul trading after the announcement."""


def kim_quote(article_id: str) -> Quote:
    return Quote(
        article_id=article_id,
        location="body",
        paragraph=1,
        span=(0, 10),
        text_ko="우리는 한국 산업의 AI 전환을 이끌겠다",
        kind="direct",
        verb="말했다",
        stance="said",
        speaker=Speaker(kind="named", ko="김영섭", en="Kim Young-shub", title="CEO", org="KT", verified=True),
        text_en="We will lead the AI transformation of Korean industry.",
    )


def unknown_quote(article_id: str) -> Quote:
    return Quote(
        article_id=article_id,
        location="body",
        paragraph=2,
        span=(0, 5),
        text_ko="좋다고 했다",
        kind="direct",
        verb="말했다",
        stance="said",
        speaker=Speaker(kind="unknown"),
        text_en="It is a very good deal for everyone involved.",
    )


def articles() -> list[TranslatedArticle]:
    """The three KT–Microsoft articles (dated 26, 27, 25 March) and an undated Samsung one."""
    return [
        english_article(
            KT_MS_1,
            headline="KT and Microsoft expand AI partnership into education",
            date=dt.date(2025, 3, 26),
            article_id="kt1",
            quotes=(unknown_quote("kt1"), kim_quote("kt1")),
        ),
        english_article(
            KT_MS_2, headline="Nadella meets KT chief in Seoul", date=dt.date(2025, 3, 27), article_id="kt2"
        ),
        english_article(
            KT_MS_3, headline="KT to open AX delivery centre", date=dt.date(2025, 3, 25), article_id="kt3"
        ),
        english_article(SAMSUNG, headline="Samsung profit rises", article_id="sam"),
    ]
