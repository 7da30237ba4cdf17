"""Speakers the family-name rules cannot see, and the subjects that keep or break a chain of quotes.

* stage and given names an article shows to be people's: after a job word ("가수 하늘은", "리더 도윤은")
  or listed after a group ("그룹 별빛(도윤, 하람, 시우)"); a dictionary word after a job word ("가수 출신")
  never is one, and a listed name that is also a verb form ("정하는") counts only where a clause begins;
* a person the text withholds, the letter glued to the title ("A총경은", "B교수가");
* the one asked a question stays the topic ("김 감독은 "…냐"는 질문을 받자 웃었다. "…"는 설명이었다");
* a title as the subject ("배우는", "감독은") and a speaker we could not name break the chain.

Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest

from brief.people import load_people, romanize_stage_name
from brief.quotes import extract_quotes
from brief.records import Article, Outlet, Quote


@pytest.fixture(scope="module")
def people():
    return load_people()


def _quotes(paragraphs: list[str], people) -> list[Quote]:
    article = Article(
        id="t", source="t.txt", headline=None, subheadlines=(), paragraphs=tuple(paragraphs), captions=(),
        outlet=Outlet(), reporters=(), date=None, date_evidence=None,
    )  # fmt: skip
    return list(extract_quotes(article, people))


def _who(quotes: list[Quote]) -> list[str | None]:
    return [q.speaker.ko if q.speaker.kind == "named" else None for q in quotes]


# ---------------------------------------------------------------- names after a job word
@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["가수 케이나가 새 싱글을 냈다.", '케이나는 "겨울에 어울리는 노래"라고 소개했다.'], ["케이나"]),
        (['래퍼 도담은 "무대가 그리웠다"고 말했다.'], ["도담"]),
        (['배우 하윤슬이 시상식에 섰다. 하윤슬은 "함께한 동료 덕분"이라고 말했다.'], ["하윤슬"]),
        (["방송인 하루나가 진행을 맡는다.", '하루나는 "첫 회부터 긴장된다"고 말했다.'], ["하루나"]),
    ],
)
def test_a_name_after_a_job_word_is_a_person(paragraphs, expected, people) -> None:
    assert _who(_quotes(paragraphs, people)) == expected


@pytest.mark.parametrize(
    "paragraphs",
    [
        ['가수 출신 배우는 "노래가 그립다"고 했다.'],
        ['배우 겸 감독은 "두 일 모두 즐겁다"고 말했다.'],
        ['모델 활동을 마친 그녀의 동료는 "쉬고 싶다"고 말했다.'],
    ],
)
def test_a_dictionary_word_after_a_job_word_is_no_name(paragraphs, people) -> None:
    assert _who(_quotes(paragraphs, people)) == [None]


# ---------------------------------------------------------------- members listed after a group
GROUP = "보이그룹 은하수(도윤, 하람, 시우, 정하)가 두 번째 앨범을 냈다."


def test_members_listed_after_a_group_are_people(people) -> None:
    quotes = _quotes(
        [
            GROUP,
            '리더 도윤은 "더 큰 무대에 서겠다"고 말했다. 이어 하람은 "팬들 덕분"이라고 했고, '
            '시우는 "쉬지 않겠다"라고 말했다. 정하는 "응원해 달라"고 덧붙였다.',
        ],
        people,
    )
    assert _who(quotes) == ["도윤", "하람", "시우", "정하"]
    assert [q.speaker.en for q in quotes] == ["Do-yun", "Ha-ram", "Si-u", "Jeong-ha"]
    assert not any(q.speaker.verified for q in quotes)  # the text's names, not the people table's


@pytest.mark.parametrize(
    "sentence",
    [
        '일정을 정하는 "회의가 길어졌다"는 말이 나왔다.',
        '순서를 정하는 "제비뽑기가 공정하다"고 관계자는 말했다.',
        '무대 순서를 정하는 "방식이 바뀌었다"는 설명이 이어졌다.',
    ],
)
def test_a_listed_name_that_is_also_a_verb_counts_only_where_a_clause_begins(sentence, people) -> None:
    quotes = _quotes([GROUP, sentence], people)
    assert "정하" not in _who(quotes)


@pytest.mark.parametrize(
    "listing",
    [
        "그룹 별빛(사진, 오른쪽)이 무대에 올랐다.",  # a photo note, not members: its words are no names
        "밴드 하늘소(2019년 데뷔)가 공연했다.",
        "듀오 물결(서울)이 공연했다.",
    ],
)
def test_a_parenthesis_that_lists_no_members_declares_no_names(listing, people) -> None:
    from brief.quotes.mentions import declared_names

    assert declared_names([listing], people) == frozenset()


def test_stage_names_are_romanized_as_given_names() -> None:
    assert romanize_stage_name("하람") == "Ha-ram"
    assert romanize_stage_name("하윤슬") == "Ha Yun-seul"  # a family name and two syllables
    assert romanize_stage_name("케이나") == "Keina"


# ---------------------------------------------------------------- a withheld name glued to its title
@pytest.mark.parametrize(
    ("sentence", "ko", "title"),
    [
        ('조사를 마친 A총경은 "성실히 답했다"고 말했다.', "A총경", "Senior Superintendent"),
        ('B교수는 "연구는 계속된다"라고 밝혔다.', "B교수", "Professor"),
        ('법정에 나온 C부장이 "지시를 따랐을 뿐"이라고 말했다.', "C부장", None),
    ],
)
def test_a_letter_glued_to_a_title_is_the_texts_own_label(sentence, ko, title, people) -> None:
    (quote,) = _quotes([sentence], people)
    assert quote.speaker.kind == "named" and quote.speaker.ko == ko
    assert not quote.speaker.verified
    if title is not None:
        assert (quote.speaker.title or "").lower() == title.lower()


# ---------------------------------------------------------------- the one asked stays the topic
@pytest.mark.parametrize(
    "paragraph",
    [
        '한빛 유하준 감독은 "부담되지 않느냐"는 질문을 받자 웃었다. "늘 있는 일"이라는 설명이었다.',
        '유하준 감독은 "언제 복귀하느냐"는 물음에 고개를 저었다. "아직 이르다"고 했다.',
        '유하준 감독(사진)은 "계획이 뭐냐"는 질문에 잠시 생각했다. "하나씩 하겠다"는 답이었다.',
    ],
)
def test_the_one_asked_a_question_answers_next(paragraph, people) -> None:
    quotes = _quotes([paragraph], people)
    assert quotes[0].speaker.kind != "named"  # the question is the asker's
    assert quotes[-1].speaker.ko == "유하준"


# ---------------------------------------------------------------- what breaks a chain
@pytest.mark.parametrize(
    "paragraphs",
    [
        ['유하준 감독은 "이길 수 있다"고 말했다.', '배우는 "촬영이 힘들었다"고 했다.'],
        ['유하준 감독은 "이길 수 있다"고 말했다.', '감독은 "선수들이 잘했다"고 말했다.'],
        [
            '유하준 감독은 "이길 수 있다"고 말했다.',
            '한빛전자 D전무는 "실적이 좋다"고 했다. 이어 "투자를 늘리겠다"고 했다.',
        ],
    ],
)
def test_another_subject_breaks_the_chain(paragraphs, people) -> None:
    quotes = _quotes(paragraphs, people)
    assert quotes[0].speaker.ko == "유하준"
    assert all(q.speaker.ko != "유하준" for q in quotes[1:])


def test_an_unnamed_speaker_in_between_is_not_skipped_over(people) -> None:
    quotes = _quotes(
        [
            '유하준 감독은 경기 전 "이길 수 있다"고 말했다.',
            '한 시민은 "응원하러 왔다"고 했다. 이어 "꼭 이기길 바란다"고 덧붙였다.',
        ],
        people,
    )
    assert quotes[0].speaker.ko == "유하준"
    assert all(q.speaker.ko != "유하준" for q in quotes[1:])


# ---------------------------------------------------------------- a quote glued to the word before it
@pytest.mark.parametrize(
    "paragraph",
    [
        '유하준 감독은 "부담되느냐"는 질문에"전혀 아니다"라고 답했다.',
        '유하준 감독은 "계획이 뭐냐"는 물음에"하나씩 해 나가겠다"고 말했다.',
        '유하준 감독은 취재진의 질문을 받고"우승이 목표"라고 밝혔다.',
    ],
)
def test_a_quote_glued_to_the_word_before_it_is_read(paragraph, people) -> None:
    quotes = _quotes([paragraph], people)
    assert quotes[-1].speaker.ko == "유하준"
    assert quotes[-1].text_ko in ("전혀 아니다", "하나씩 해 나가겠다", "우승이 목표")


# ---------------------------------------------------------------- names listed before one title
@pytest.mark.parametrize(
    ("opening", "names"),
    [
        ("법률 유튜버인 박하늘, 이도윤, 손가람 변호사가 드라마를 리뷰했다.", ("박하늘", "이도윤", "손가람")),
        ("이날 회의에는 박하늘, 이도윤 의원이 참석했다.", ("박하늘", "이도윤")),
        ("한빛대 박하늘, 이도윤, 손가람 교수가 공동 연구를 발표했다.", ("박하늘", "이도윤", "손가람")),
    ],
)
def test_names_listed_before_a_title_share_it(opening, names, people) -> None:
    titles = {"박하늘": "박", "이도윤": "이", "손가람": "손"}
    title = opening.split(names[-1])[1].split()[0][:-1]  # "변호사가" -> "변호사"
    said = " ".join(f'{titles[n]} {title}는 "{k}번째 의견"이라고 말했다.' for k, n in enumerate(names, 1))
    quotes = _quotes([opening, said], people)
    assert _who(quotes) == list(names)


# ---------------------------------------------------------------- a bare name marked "also"
@pytest.mark.parametrize(
    ("paragraph", "name"),
    [
        ('배우 허도윤은 "즐거웠다"고 했다. 장하늘 역시 "관심을 부탁한다"라고 당부했다.', "장하늘"),
        ('감독은 "잘했다"고 말했다. 최민아 또한 "기대해 달라"고 말했다.', "최민아"),
        ('주장은 "이기겠다"고 했다. 손가람 역시 "끝까지 뛰겠다"고 다짐했다.', "손가람"),
    ],
)
def test_a_bare_name_marked_also_speaks(paragraph, name, people) -> None:
    assert _who(_quotes([paragraph], people))[-1] == name


def test_a_common_word_marked_also_is_no_name(people) -> None:
    quotes = _quotes(['감독은 "잘했다"고 말했다. 이번 역시 "작년과 같다"는 말이 나왔다.'], people)
    assert all(q.speaker.kind != "named" for q in quotes)


# ---------------------------------------------------------------- broadcast copy: "NAME TITLE, "…" 라며"
@pytest.mark.parametrize(
    "paragraph",
    [
        '한빛라이온즈의 류하준 감독, "세 선수가 경쟁하고 있습니다." 라며 기회를 고루 주겠다고 했어요.',
        '부산시 류하준 과장, "다음 달부터 운행을 늘리겠습니다"라고 설명했습니다.',
        '한빛전자 류하준 사장, "투자는 계속됩니다." 라고 말했습니다.',
    ],
)
def test_a_person_introduced_with_a_comma_speaks_the_quote(paragraph, people) -> None:
    (quote,) = _quotes([paragraph], people)
    assert quote.speaker.ko == "류하준"


def test_two_people_before_a_quote_leave_it_unnamed(people) -> None:
    quotes = _quotes(['류하준 감독, 김도윤 코치, "함께 가자"라고 외쳤다.'], people)
    assert all(q.speaker.kind != "named" for q in quotes)


# ---------------------------------------------------------------- coordinated clauses share one verb
@pytest.mark.parametrize(
    ("paragraph", "speakers"),
    [
        ('류하준 감독은 "수비가 좋았다"고, 김도윤 코치는 "공격이 아쉬웠다"고 말했다.', ["류하준", "김도윤"]),
        ('류하준 의원은 "반대한다"고, 김도윤 의원은 "찬성한다"고 각각 밝혔다.', ["류하준", "김도윤"]),
        (GROUP + ' 끝으로 하람은 "잘 부탁드린다"고, 시우는 "또 만나자"라고 인사했다.', ["하람", "시우"]),
    ],
)
def test_coordinated_quotes_share_the_last_verb(paragraph, speakers, people) -> None:
    assert _who(_quotes([paragraph], people)) == speakers


# ---------------------------------------------------------------- a paragraph printed twice
@pytest.mark.parametrize(
    "paragraphs",
    [
        [
            '한빛전자는 4일 "보도된 내용은 사실이 아니다"라고 밝혔다.',
            "관련 기사가 이어졌다.",
            '한빛전자는 4일 "보도된 내용은 사실이 아니다"라고 밝혔다.',
        ],
        ['변호인단은 "재판부가 증거를 가려 썼다"고 주장했습니다.'] * 2,
        ['류하준 감독은 "이길 수 있다"고 말했다. 선수들도 웃었다.'] * 3,
    ],
)
def test_a_paragraph_printed_twice_gives_its_quotes_once(paragraphs, people) -> None:
    assert len(_quotes(paragraphs, people)) == 1


def test_the_same_words_said_twice_are_two_quotes(people) -> None:
    quotes = _quotes(
        [
            '류하준 감독은 "좋은 경기였다"며 "이겨서 기쁘다"고 말했다.',
            '그는 "후반이 나았다"며 "이겨서 기쁘다"고 덧붙였다.',
        ],
        people,
    )
    assert [q.text_ko for q in quotes].count("이겨서 기쁘다") == 2


# ---------------------------------------------------------------- a chain does not run into a quoted term
@pytest.mark.parametrize(
    "paragraph",
    [
        "이도윤 변호사는 \"예전 작품 이후 가장 괜찮은 드라마라 리뷰를 준비했다\"며 '고백' 리뷰를 시작했다.",
        "류하준 감독은 \"올해는 반드시 가을 야구를 하겠다\"며 '원팀' 구호를 외쳤다.",
        "김도윤 대표는 \"내년에는 흑자를 내겠다\"면서 '도약 2030' 계획을 소개했다.",
    ],
)
def test_a_chain_ending_before_a_quoted_term_keeps_the_speech(paragraph, people) -> None:
    quotes = _quotes([paragraph], people)
    assert len(quotes) == 1 and quotes[0].speaker.kind == "named"
    assert "'" not in quotes[0].text_ko


# ---------------------------------------------------------------- reporting verbs by their dictionary form
@pytest.mark.parametrize(
    ("verb", "stance"),
    [
        ("강조했습니다", "stressed"),
        ("강조하면서도", "stressed"),
        ("밝혀왔다", "stated"),
        ("털어놨다", "confided"),
        ("말씀하셨다", "said"),
        ("되물었다", "asked back"),
        ("맞받아쳤다", "retorted"),
    ],
)
def test_a_reporting_verb_is_known_whatever_its_ending(verb, stance) -> None:
    from brief.quotes.stance import stance_of

    assert stance_of(verb) == stance


@pytest.mark.parametrize(
    "word", ["전해졌다", "밝혀진", "말해준다", "설명된다", "답답했다", "사용했다", "쓰러졌다"]
)
def test_passives_and_other_verbs_report_no_speech(word) -> None:
    from brief.quotes.stance import stance_of

    assert stance_of(word) is None


# ------------------------------------------------ "X의 설명은 "…"이었다": the owner before the quote
@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ('유하준 대표의 대답은 "곱해 보면 나온다"였다.', "유하준"),
        ('유하준 감독의 설명은 "수비가 먼저"라는 것이다. 김도윤 코치의 말은 "체력이 관건"이었다.', "김도윤"),
        ('유하준 의원의 주장은 "예산을 줄여야 한다"이다.', "유하준"),
    ],
)
def test_a_speech_noun_of_someone_before_the_quote_owns_it(paragraph, speaker, people) -> None:
    assert _who(_quotes([paragraph], people))[-1] == speaker


def test_a_question_noun_of_the_press_belongs_to_the_askers(people) -> None:
    (quote,) = _quotes(['취재진의 질문은 "해외 공장의 전망은 어떤가요?"였다.'], people)
    assert quote.speaker.kind != "named" and quote.stance == "asked"


@pytest.mark.parametrize(
    "paragraph",
    [
        '그 영화의 제목은 "봄날"이었다.',
        '행사의 구호는 "함께 가자"였다.',
        '이번 전시의 주제는 "빛과 그림자"다.',
    ],
)
def test_a_title_or_slogan_before_a_copula_is_no_speech(paragraph, people) -> None:
    assert _quotes([paragraph], people) == []


# ---------------------------------------------------------------- a topic further back and one marked 이/가
@pytest.mark.parametrize(
    "paragraph",
    [
        '외교부 관계자는 이날 조하늘 장관이 "다음 주 순방길에 오른다"며 일정을 설명했다.',
        '구단 관계자는 김도윤 감독이 "주전을 바꾸겠다"고 말했다.',
        '한빛전자는 윤재석 사장이 "투자를 크게 늘린다"며 계획을 설명했다.',
    ],
)
def test_a_topic_and_a_nominative_before_a_final_verb_leave_the_speaker_unknown(paragraph, people) -> None:
    (quote,) = _quotes([paragraph], people)
    assert quote.speaker.kind != "named"


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ('김도윤 대표는 이하람 사장이 "함께 가자"고 말하자 웃었다.', "이하람"),
        ('김도윤 감독은 최나래 선수가 "이기고 싶다"고 하자 고개를 끄덕였다.', "최나래"),
        ('한빛전자는 윤재석 사장이 "투자를 늘린다"고 밝혔다고 전했다.', None),
    ],
)
def test_the_one_marked_i_ga_speaks_in_a_clause_of_its_own(paragraph, speaker, people) -> None:
    assert _who(_quotes([paragraph], people)) == [speaker]


# ---------------------------------------------------------------- broadcast labels
@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["[다리오/백악관 어린이 기자단 : 대통령은 무엇을 좋아하나요?]"], ("named", "다리오")),
        (["[과기정통부 관계자 : 검토 중입니다.]"], ("unnamed", "과기정통부 관계자")),
        (["[김하늘 한빛전자 사장 : 투자를 늘리겠습니다.]"], ("named", "김하늘")),
    ],
)
def test_a_sound_bite_label_names_the_one_before_the_slash(lines, expected, people) -> None:
    (quote,) = _quotes(["앵커 멘트가 이어졌습니다.", *lines], people)
    assert (quote.speaker.kind, quote.speaker.ko) == expected


@pytest.mark.parametrize(
    "line", ["[속보 : 정부 대책 발표]", "[한빛시 : 안내 말씀 드립니다.]", "[공지 : 점검 안내]"]
)
def test_a_bracket_that_names_no_one_is_no_sound_bite(line, people) -> None:
    assert _quotes(["앵커 멘트가 이어졌습니다.", line], people) == []


# ---------------------------------------------------------------- a mark typed the wrong way round
@pytest.mark.parametrize(
    ("paragraph", "said"),
    [
        ("관계자는 “고객이 먼저“라고 말했다.", "고객이 먼저"),
        ("유하준 대표는 “올해는 다르다“며 “투자를 늘리겠다”고 말했다.", "올해는 다르다"),
        ("김도윤 감독은 “수비가 먼저다“고 강조했다.", "수비가 먼저다"),
    ],
)
def test_an_opening_mark_typed_as_the_closing_one_closes_the_quote(paragraph, said, people) -> None:
    quotes = _quotes([paragraph], people)
    assert quotes[0].text_ko == said
    assert not any(q.text_ko.startswith(("라고", "고 ", "며")) for q in quotes)


# ---------------------------------------------------------------- former posts, officials, secretaries
@pytest.mark.parametrize(
    ("paragraph", "ko", "title"),
    [
        ('김도윤 전 한빛전자 사장은 "회사를 떠난 게 아쉽다"고 말했다.', "김도윤", "former"),
        ('이하람 전 장관은 "정책은 옳았다"고 말했다.', "이하람", "former"),
        ('김하늘 국민소통수석은 "브리핑을 마치겠다"고 말했다.', "김하늘", "public communication"),
    ],
)
def test_former_posts_and_presidential_secretaries(paragraph, ko, title, people) -> None:
    (quote,) = _quotes([paragraph], people)
    assert quote.speaker.ko == ko and title in (quote.speaker.title or "")


@pytest.mark.parametrize(
    ("paragraph", "en"),
    [
        ('외교부 당국자는 "협의를 이어가겠다"고 말했다.', "a Ministry of Foreign Affairs official"),
        ('정부 당국자는 "검토 중"이라고 말했다.', "a government official"),
        (
            '대통령실 고위 관계자는 "이 문제를 신중하게 검토하겠다"고 말했다.',
            "a senior presidential office official",
        ),
    ],
)
def test_officials_are_described_not_named(paragraph, en, people) -> None:
    (quote,) = _quotes([paragraph], people)
    assert (quote.speaker.kind, quote.speaker.en) == ("unnamed", en)


# ---------------------------------------------------------------- more ways to report speech
@pytest.mark.parametrize(
    ("paragraph", "texts"),
    [
        ('주민들은 "너무 불편하다"며 "길을 넓혀 줄 것"을 건의했다.', ["너무 불편하다", "길을 넓혀 줄 것"]),
        ('이하람 교수는 "아직은 모른다"며 즉답을 피했다.', ["아직은 모른다"]),
        ('가수 하루나는 "소름 돋았다"고 놀라워했다.', ["소름 돋았다"]),
        ('이하람 의원은 "예산안"을 발표했다.', []),
    ],
)
def test_objects_idioms_and_feelings_that_report_speech(paragraph, texts, people) -> None:
    assert [q.text_ko for q in _quotes([paragraph], people)] == texts


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ('"끝까지 뛰어라, 포기하지 마라!" 박두리 감독이 선수들에게 당부한 말이다.', "박두리"),
        ('"올해는 반드시 흑자를 내겠습니다." 김하늘 대표가 밝힌 내용이다.', "김하늘"),
        ('"가을에는 사과가 제철이다." 농부들이 흔히 하는 말이다.', None),
    ],
)
def test_the_speaker_named_after_the_quote_with_what_they_said(paragraph, speaker, people) -> None:
    quotes = _quotes([paragraph], people)
    if speaker is None:
        assert all(q.speaker.kind != "named" for q in quotes)  # no one is named, nobody is invented
    else:
        assert _who(quotes) == [speaker]


@pytest.mark.parametrize(
    "paragraphs",
    [
        ['취재진은 경기 뒤 조하늘 선수에게 부상 여부를 물었다. 그는 "전혀 아프지 않다"라고 말했다.'],
        ['유하준 감독은 "좋았다"고 말했다.', '기자가 조하늘 선수에게 계획을 물었다. "더 뛰겠다"고 답했다.'],
        ['사회자가 조하늘 선수에게 소감을 물었다. 그는 "꿈만 같다"고 답했다.'],
    ],
)
def test_the_one_asked_answers(paragraphs, people) -> None:
    assert _who(_quotes(paragraphs, people))[-1] == "조하늘"


def test_a_title_without_organisation_reads_by_the_articles_beat(people) -> None:
    sport = _quotes(
        [
            "프로야구 한빛 구단이 시즌 첫 경기를 이겼다. 선발투수가 7이닝을 막았다.",
            '김도윤 감독은 "선수들이 잘했다"고 말했다.',
        ],
        people,
    )
    film = _quotes(
        ["영화 '봄날'이 개봉했다. 관객 100만 명을 모았다.", '김도윤 감독은 "배우들이 잘했다"고 말했다.'],
        people,
    )
    assert sport[0].speaker.title == "manager" and film[0].speaker.title == "director"


# ---------------------------------------------------------------- roundups and a quote over its speaker
@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ('○…"예산은 충분하다" = 김하늘 장관이 국회 답변에서 이렇게 말하며 추경 가능성을 일축했다.', "김하늘"),
        ('○…"올해는 우승이 목표" = 유하준 감독은 시즌 출정식에서 포부를 밝혔다.', "유하준"),
        ('▲"현장을 자주 찾겠다" = 박도윤 구청장이 취임식에서 약속했다.', "박도윤"),
    ],
)
def test_a_roundup_item_names_its_speaker_after_the_equals_sign(paragraph, speaker, people) -> None:
    assert _who(_quotes([paragraph], people)) == [speaker]


@pytest.mark.parametrize(
    ("after", "speaker"),
    [
        ("김도윤 감독의 말이다.", "김도윤"),
        ("주장 박민준이 경기 전 라커룸에서 이렇게 말했다.", "박민준"),
        ("한빛전자 유하준 사장의 설명이다.", "유하준"),
    ],
)
def test_a_quote_alone_takes_the_speaker_the_next_paragraph_names(after, speaker, people) -> None:
    quotes = _quotes(["경기 전 분위기는 뜨거웠다.", '"우리는 아직 끝나지 않았다"', after], people)
    assert _who(quotes) == [speaker]


def test_a_next_paragraph_about_something_else_names_no_one(people) -> None:
    quotes = _quotes(
        ["분위기는 뜨거웠다.", '"우리는 아직 끝나지 않았다"', "관중 2만 명이 경기장을 찾았다."], people
    )
    assert all(q.speaker.kind != "named" for q in quotes)


# ---------------------------------------------------------------- two of one family and title
@pytest.mark.parametrize(
    "paragraphs",
    [
        [
            "한동석 법무부 장관이 브리핑을 하고 있다.",
            "한화진 환경부 장관은 단상에서 내려왔다. 이에 한 장관이 섰다. “더 질문 있으세요?”라며 웃었다.",
        ],
        [
            "강민호 한빛전자 사장이 입장하고 있다.",
            '강하늘 가람전자 사장은 회의를 마쳤다. 이에 강 사장은 "한 가지만 더 묻겠습니다"라고 말했다.',
        ],
        ["두산민 교육부 장관이 입장했다.", '두산호 국방부 장관이 답했다. 두 장관은 "검토하겠다"고 말했다.'],
    ],
)
def test_a_short_form_two_people_fit_is_never_the_first_named(paragraphs, people) -> None:
    quotes = _quotes(paragraphs, people)
    assert quotes and all(q.speaker.ko not in ("한동석", "강민호", "두산민") for q in quotes)


@pytest.mark.parametrize("name", ["한화진", "롯데희", "두산호"])
def test_a_club_word_inside_a_name_does_not_make_it_a_club(name, people) -> None:
    from brief.quotes.mentions import name_evidence

    evidence = name_evidence(people)
    assert not evidence.is_org_word(name)
    assert evidence.is_org_word(name[:2] + "이글스")  # a club's name ends so


# ---------------------------------------------------------------- elected, not yet in office
@pytest.mark.parametrize(
    "paragraphs",
    [
        ["개표 방송이 이어졌다.", "[최현우/대전시장 당선인 : 시민 여러분께 진심으로 감사드립니다.]"],
        ['최현우 대전시장 당선인은 "시정을 바로 세우겠다"고 말했다.'],
        ['최현우 구청장 당선자는 "주민 곁에 있겠다"고 말했다.'],
    ],
)
def test_someone_elected_is_elect_not_in_office(paragraphs, people) -> None:
    (quote,) = _quotes(paragraphs, people)
    assert quote.speaker.ko == "최현우" and (quote.speaker.title or "").endswith("-elect")


# ---------------------------------------------------------------- a pull quote signed with a dash
@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ("“올해 하반기에는 반드시 흑자로 돌아서겠다.” - 유하준 한빛전자 사장(3일 기자간담회에서)", "유하준"),
        ("“물가 안정이 무엇보다 먼저다.” — 김하늘 기획재정부 장관", "김하늘"),
        ('"수비가 살아야 이긴다." - 박두리 한빛라이온즈 감독', "박두리"),
    ],
)
def test_a_pull_quote_signed_with_a_dash_names_its_speaker(line, speaker, people) -> None:
    quotes = _quotes(["이번 주의 말을 모았다.", line], people)
    assert _who(quotes) == [speaker]


def test_a_dash_before_other_words_names_no_one(people) -> None:
    quotes = _quotes(['회의는 길게 이어졌다. "좋은 방향이다" - 그러나 반응은 엇갈렸다.'], people)
    assert all(q.speaker.kind != "named" for q in quotes)
