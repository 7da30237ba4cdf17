"""Hand-written Korean sentences for each quote construction, with the expected (speaker, kind, text start).

Each case: (id, paragraphs, expected) where expected is a list of (speaker English name or None for
an unknown speaker, kind, the first characters of text_ko). Speakers are written as the English-
language press writes them (people table) or as the Revised Romanization gives them (unknown people).
"""

from __future__ import annotations

Case = tuple[str, tuple[str, ...], list[tuple[str | None, str, str]]]

DIRECT: list[Case] = [
    (
        "short-form-with-no-full-mention-is-labelled",  # never named in full: "President Park", unverified
        ('박 사장은 "내년에도 투자를 이어가겠다"고 말했다.',),
        [("President Park", "direct", "내년에도")],
    ),
    (
        "straight-quotes-go-malhaetda",
        ('이재현 카카오 대표는 "올해는 AI 서비스를 본격적으로 확대하겠다"고 말했다.',),
        [("Lee Jae-hyeon", "direct", "올해는 AI 서비스를")],
    ),
    (
        "curly-quotes-rago-balkyeotda",
        ("박정호 SK하이닉스 부회장은 “메모리 시장이 회복 국면에 들어섰다”라고 밝혔다.",),
        [("Park Jeong-ho", "direct", "메모리 시장이")],
    ),
    (
        "irago-after-noun",
        ('김영섭 KT 대표는 "AI는 선택이 아닌 필수"라고 강조했다.',),
        [("Kim Young-shub", "direct", "AI는 선택이")],
    ),
    (
        "myeo-chain",
        ('최지웅 KT클라우드 대표는 "클라우드 수요가 늘고 있다"며 "데이터센터를 추가로 짓겠다"고 설명했다.',),
        [("Choi Ji-woong", "direct", "클라우드 수요가"), ("Choi Ji-woong", "direct", "데이터센터를")],
    ),
    (
        "myeonseo-chain",
        (
            '조원우 한국마이크로소프트 대표는 "고객 반응이 아주 좋다"면서 '
            '"협력을 계속 넓혀 가겠다"고 덧붙였다.',
        ),
        [("Cho Won-woo", "direct", "고객 반응이"), ("Cho Won-woo", "direct", "협력을 계속")],
    ),
    (
        "speaker-after-quote",
        ('장석영 과기정통부 2차관은 행사에 참석했다. "AI 인재 양성이 가장 시급하다"고 장 차관은 말했다.',),
        [("Jang Seok-young", "direct", "AI 인재 양성이")],
    ),
    (
        "multi-sentence-quote",
        ('서창석 KT 네트워크부문장은 "투자는 줄지 않는다. 오히려 늘어난다. 걱정하지 않아도 된다"고 답했다.',),
        [("Seo Chang-seok", "direct", "투자는 줄지 않는다. 오히려")],
    ),
    (
        "pronoun-next-paragraph",
        (
            '오승필 KT 기술혁신부문장은 "믿음은 계속 키워 나가겠다"고 말했다.',
            '그는 "SLM 시장에 집중하는 것이 맞다"고 덧붙였다.',
        ),
        [("Oh Seung-pil", "direct", "믿음은 계속"), ("Oh Seung-pil", "direct", "SLM 시장에")],
    ),
    (
        "geureomyeonseo-same-paragraph",
        (
            '김영섭 KT 대표는 "협력이 무엇보다 중요하다"고 강조했다. '
            '그러면서 "혼자서는 모든 것을 할 수 없다"고 말했다.',
        ),
        [("Kim Young-shub", "direct", "협력이 무엇보다"), ("Kim Young-shub", "direct", "혼자서는")],
    ),
    (
        "ieo-next-paragraph",
        (
            '조원우 한국마이크로소프트 대표는 "한국 기업과의 협업이 늘고 있다"고 했다.',
            '이어 "내년에는 더 많은 고객을 만날 것"이라고 전했다.',
        ),
        [("Cho Won-woo", "direct", "한국 기업과의"), ("Cho Won-woo", "direct", "내년에는 더")],
    ),
    (
        "opening-quote-speaker-next-paragraph",
        (
            '"내년에는 흑자 전환이 충분히 가능할 것으로 본다."',
            "정우진 KT 컨설팅그룹장은 24일 서울에서 열린 기자간담회에서 이같이 말했다.",
        ),
        [("Jung Woo-jin", "direct", "내년에는 흑자")],
    ),
    (
        "nested-single-quotes",
        (
            "사티아 나델라 마이크로소프트 최고경영자(CEO)가 한국을 찾았다.",
            "나델라 CEO는 \"KT와 함께 '한국적 AI'를 반드시 만들겠다\"고 말했다.",
        ),
        [("Satya Nadella", "direct", "KT와 함께 '한국적 AI'를")],
    ),
    (
        "short-form-after-full-mention",
        (
            "구현모 KT 사장은 이날 협약식에 참석했다.",
            '구 사장은 "AI 인재를 사내에서 직접 키우겠다"고 말했다.',
        ),
        [("Koo Hyun-mo", "direct", "AI 인재를")],
    ),
    (
        "yeoksi-subject",
        ('KT 김영섭 대표 역시 MS가 KT를 택한 이유에 대해 "신뢰가 가장 컸을 것"이라고 설명했다.',),
        [("Kim Young-shub", "direct", "신뢰가 가장")],
    ),
    (
        "name-with-photo-position",
        ('김영섭(왼쪽) KT 대표는 "양사 협력을 더 깊게 하겠다"고 말했다.',),
        [("Kim Young-shub", "direct", "양사 협력을")],
    ),
    (
        "owner-in-parentheses",
        ('KT(대표 김영섭)는 새 전략을 내놨다. 김 대표는 "AI 기업으로 완전히 바뀌겠다"고 말했다.',),
        [("Kim Young-shub", "direct", "AI 기업으로")],
    ),
    (
        "question-quote",
        ('유영상 SK텔레콤 대표는 "왜 지금 AI인가?"라고 반문했다.',),
        [("Ryu Young-sang", "direct", "왜 지금 AI인가?")],
    ),
    (
        "two-speakers-one-paragraph",
        (
            '김영섭 KT 대표는 "협력은 계속된다"고 말했다. '
            '최지웅 KT클라우드 대표는 "역할은 오히려 커진다"고 했다.',
        ),
        [("Kim Young-shub", "direct", "협력은"), ("Choi Ji-woong", "direct", "역할은")],
    ),
    (
        "she-pronoun",
        ('이선영 네이버 CTO는 신기술을 소개했다. 그녀는 "검색의 미래는 대화형"이라고 말했다.',),
        [("Lee Seon-yeong", "direct", "검색의 미래는")],
    ),
    (
        "unclosed-quote-with-its-own-verb",
        ('김영섭 KT 대표는 "AI 전환을 누구보다 서두르겠다고 말했다.',),
        [("Kim Young-shub", "direct", "AI 전환을 누구보다 서두르겠다")],
    ),
    (
        "unclosed-quote-to-end-of-paragraph",
        ('김영섭 KT 대표는 "AI 전환을 누구보다 서두르겠다',),
        [("Kim Young-shub", "direct", "AI 전환을")],
    ),
    (
        "gisa-jeondaetda-verb-variety",
        (
            '송창현 현대자동차그룹 사장은 "자율주행은 결국 소프트웨어 싸움"이라고 단언했다.',
            '그는 "3년 안에 판도가 바뀔 것"이라고 내다봤다.',
        ),
        [("Song Chang-hyun", "direct", "자율주행은"), ("Song Chang-hyun", "direct", "3년 안에")],
    ),
]

DIRECT += [
    (
        "two-titles-at-once",
        ('김철수 삼성전자 대표이사 사장은 "반도체 회복이 빠르다"고 말했다.',),
        [("Kim Cheol-su", "direct", "반도체 회복이")],
    ),
    (
        "topic-person-then-quote-without-subject",
        ('김영섭 KT 대표는 기조연설에 나섰다. "AI는 이제 선택이 아니다"라고 말했다.',),
        [("Kim Young-shub", "direct", "AI는 이제")],
    ),
    (
        "quote-as-stance-noun",
        ('김영섭 KT 대표는 "협력은 계속된다"라는 입장을 밝혔다.',),
        [("Kim Young-shub", "direct", "협력은 계속된다")],
    ),
    (
        "quote-is-someones-explanation",
        ('김영섭 KT 대표가 참석했다. "협력은 계속된다"는 게 김 대표의 설명이다.',),
        [("Kim Young-shub", "direct", "협력은 계속된다")],
    ),
    (
        "straight-quotes-inside-curly",
        ('김영섭 KT 대표는 “"AI 원팀"이 가장 중요하다”고 말했다.',),
        [("Kim Young-shub", "direct", '"AI 원팀"이 가장 중요하다')],
    ),
    (
        "malhagido-haetda",
        ('김영섭 KT 대표는 "협력은 계속된다"고 말하기도 했다.',),
        [("Kim Young-shub", "direct", "협력은 계속된다")],
    ),
    (
        "single-quoted-speech-with-verb",
        ("유영상 SK텔레콤 대표는 ‘AI 피라미드 전략을 끝까지 밀고 가겠다’고 강조했다.",),
        [("Ryu Young-sang", "direct", "AI 피라미드 전략을")],
    ),
]

DIRECT += [
    (
        "quote-then-whose-words-they-are",
        ('"AI 없이는 미래도 없다." 김영섭 KT 대표의 말이다.',),
        [("Kim Young-shub", "direct", "AI 없이는 미래도 없다")],
    ),
    (
        "quote-inside-a-quote-belongs-to-the-outer-speaker",
        ("김영섭 KT 대표는 \"나델라 CEO가 'KT는 최고의 파트너'라고 말했다\"고 전했다.",),
        [("Kim Young-shub", "direct", "나델라 CEO가 'KT는")],
    ),
]

DIRECT += [
    (
        "two-syllable-name",
        ('더불어민주당 김현 의원은 "최소한의 안전장치가 필요하다"고 반박했다.',),
        [("Kim Hyeon", "direct", "최소한의")],
    ),
    (
        "short-form-of-an-english-title",
        (
            "이상호 카카오 최고AI책임자(CAIO)는 행사에 참석했다. "
            '이 CAIO는 "비용 효율이 가장 중요하다"고 말했다.',
        ),
        [("Lee Sang-ho", "direct", "비용 효율이")],
    ),
]

UNNAMED: list[Case] = [
    (
        "kt-official",
        ('KT 관계자는 "아직 정해진 것은 없다"고 말했다.',),
        [("a KT official", "direct", "아직")],
    ),
    (
        "industry-official",
        ('업계 관계자는 "통신사들이 AI에 사활을 걸고 있다"고 전했다.',),
        [("an industry official", "direct", "통신사들이")],
    ),
    (
        "ms-side",
        ('이날 자리한 MS 측은 "한국 시장에 관심이 많다"고 답했다.',),
        [("a Microsoft representative", "direct", "한국 시장에")],
    ),
    (
        "an-official",
        ('한 관계자는 "발표는 다음 달로 미뤄졌다"고 귀띔했다.',),
        [("an official", "direct", "발표는")],
    ),
    (
        "senior-official",
        ('삼성전자 고위 관계자는 "투자 계획에는 변함이 없다"고 말했다.',),
        [("a senior Samsung Electronics official", "direct", "투자 계획에는")],
    ),
    (
        "plural-officials",
        ('KT 관계자들은 "협상은 끝났다"고 입을 모았다.',),
        [("KT officials", "direct", "협상은")],
    ),
    (
        "industry-expert",
        ('한 업계 전문가는 "통신사의 AI 전환은 이제 시작"이라고 평가했다.',),
        [("an industry expert", "direct", "통신사의")],
    ),
    (
        "government-official-only-said",
        ('정부 관계자는 "검토 중"이라고만 했다.',),
        [("a government official", "direct", "검토 중")],
    ),
    (
        "an-executive-after-a-clause",
        ('이번 행사에는 김영섭 KT 대표가 참석했다. 행사에 참석한 한 임원은 "분위기가 좋았다"고 전했다.',),
        [("an executive", "direct", "분위기가")],
    ),
    (
        "organisation-direct",
        ('KT는 "고객 보호를 최우선으로 하겠다"고 밝혔다.',),
        [("KT", "direct", "고객 보호를")],
    ),
]

UNKNOWN: list[Case] = [
    (
        "both-ceos-is-no-one",
        (
            "김영섭 KT 대표와 조원우 한국마이크로소프트 대표가 만났다. "
            '두 대표는 "협력을 강화하자"고 입을 모았다.',
        ),
        [(None, "direct", "협력을 강화하자")],
    ),
    (
        "new-ceo-is-not-a-name",
        ('KT 신임 사장은 "조직을 새로 짜겠다"고 말했다.',),
        [(None, "direct", "조직을 새로")],
    ),
    (
        "former-ceo-is-not-a-name",
        ('전임 대표는 "할 만큼 했다"고 말했다.',),
        [(None, "direct", "할 만큼 했다")],
    ),
    (
        "two-people-same-family-and-title",
        ('김영섭 KT 대표와 김범수 카카오 대표가 만났다. 김 대표는 "함께 하겠다는 뜻을 전했다"고 말했다.',),
        [(None, "direct", "함께 하겠다는")],
    ),
    (
        "no-speaker-at-all",
        ('"시장이 크게 바뀌고 있다"는 분석이 나온다. 그러면서 "대응이 필요하다는 목소리가 크다"고 했다.',),
        [(None, "direct", "대응이 필요하다는")],
    ),
    (
        "continuation-broken-by-organisation",
        (
            '김영섭 KT 대표는 "협력은 계속된다"고 말했다.',
            "LG유플러스는 같은 날 새 요금제를 내놨다.",
            '그러면서 "가격 경쟁은 피하겠다"고 했다.',
        ),
        [("Kim Young-shub", "direct", "협력은"), (None, "direct", "가격 경쟁은")],
    ),
    (
        "continuation-too-far",
        (
            '김영섭 KT 대표는 "협력은 계속된다"고 말했다.',
            "양사는 5년 동안 협력한다.",
            "세부 계획은 내년에 나온다.",
            '이어 "가격 경쟁은 피하겠다"고 했다.',
        ),
        [("Kim Young-shub", "direct", "협력은"), (None, "direct", "가격 경쟁은")],
    ),
    (
        "unread-subject-blocks-continuation",
        (
            '김영섭 KT 대표는 "협력은 계속된다"고 말했다.',
            '전 장관은 "정부도 돕겠다"고 말했다.',
        ),
        [("Kim Young-shub", "direct", "협력은"), (None, "direct", "정부도")],
    ),
]

NOT_QUOTES: list[tuple[str, tuple[str, ...]]] = [
    ("single-quoted-term", ("KT는 'AI 원팀'을 결성했다.",)),
    ("curly-single-term-topic", ("‘한국적 AI’는 한국인의 정서를 학습한 AI를 뜻한다.",)),
    ("double-quoted-event-name", ('KT는 25일 "AX 리더 써밋"을 열었다.',)),
    ("model-name", ("KT는 자체 언어모델 '믿음'을 공개했다.",)),
    ("called-x", ('이 동맹은 "AI 원팀"이라고 불린다.',)),
    ("backtick-term", ("KT 구현모, 현대重·카이스트와 `AI 원팀` 결성",)),
    ("term-as-object", ("MS와 ‘AI 스킬링 이니셔티브’를 추진한다. 양사는 ‘AI 교육 센터’ 설립에 합의했다.",)),
    ("term-with-ranun", ('이른바 "한국형 AI"라는 개념이 등장했다.',)),
    ("short-quoted-slogan-in-list", ("△'AI+X' 적용 사례 발굴 △'AI 인재 플랫폼' 구축",)),
    ("hedged-analysis-is-no-one", ('"시장이 크게 바뀌고 있다"는 분석이 나온다.',)),
    ("single-quoted-slogan-with-verb", ("KT는 'AI 원팀'이라고 밝혔다.",)),
    ("long-name-is-called", ('회사는 이를 "세상에 없던 통화 경험"이라고 부른다.',)),
    ("written-on-a-sign", ('현판에는 "고객이 먼저인 회사를 만들자"라고 적혀 있다.',)),
]

REPORTED: list[Case] = [
    (
        "dago-balkyeotda",
        ("김영섭 KT 대표는 AI 투자를 크게 늘리겠다고 밝혔다.",),
        [("Kim Young-shub", "reported", "AI 투자를 크게 늘리겠다")],
    ),
    (
        "pronoun-naedabwatda",
        ("최지웅 KT클라우드 대표는 행사에 참석했다. 그는 올해 흑자 전환이 가능하다고 내다봤다.",),
        [("Choi Ji-woong", "reported", "올해 흑자 전환이 가능하다")],
    ),
    (
        "subject-after-content",
        ("김영섭 KT 대표가 연단에 섰다. 협력만으로는 부족하다고 김 대표는 지적했다.",),
        [("Kim Young-shub", "reported", "협력만으로는 부족하다")],
    ),
    (
        "rago-after-noun",
        ("구현모 KT 사장은 AI가 시대적 소명이라고 강조했다.",),
        [("Koo Hyun-mo", "reported", "AI가 시대적 소명")],
    ),
    (
        "unnamed-reported",
        ("KT 관계자는 협상이 아직 진행 중이라고 전했다.",),
        [("a KT official", "reported", "협상이 아직 진행 중")],
    ),
    ("organisation-statement-skipped", ("KT는 올해 매출이 크게 늘었다고 밝혔다.",), []),
    (
        "subject-next-to-the-verb-said-it",
        ("김영섭 KT 대표는 지난해 취임했다고 회사 측이 밝혔다.",),
        [("a company representative", "reported", "김영섭 KT 대표는 지난해 취임했다")],
    ),
    ("passive-is-not-speech", ("김영섭 KT 대표는 곧 사임할 것이라고 전해졌다.",), []),
    ("came-to-light-is-not-speech", ("김영섭 KT 대표가 지분을 샀다고 밝혀졌다.",), []),
    ("organisation-topic-wins", ("KT는 김영섭 대표와 나델라 CEO가 만났다고 밝혔다.",), []),
    ("not-a-reporting-verb", ("구 사장은 협력이 유리하다고 판단한 것으로 보인다.",), []),
]

HEADLINES: list[tuple[str, str, list[tuple[str | None, str]]]] = [
    ("name-title-quote", '김영섭 KT 대표 "AI 전환 서두를 것"', [("Kim Young-shub", "AI 전환 서두를 것")]),
    ("org-quote", 'MS "한국 투자 더 늘린다"', [("Microsoft", "한국 투자 더 늘린다")]),
    ("term-only", "KT, 'AI 원팀' 출범", []),
    (
        "after-ellipsis-unknown",
        'KT-MS 동맹…"AI 인재 키우는 데 5년 걸린다"',
        [(None, "AI 인재 키우는 데 5년 걸린다")],
    ),
    ("update-tag-after-quote", 'KT "AI 전환에 3조원 투자한다"(종합)', [("KT", "AI 전환에 3조원 투자한다")]),
    (
        "bracket-tag-then-name",
        '[인터뷰] 조원우 한국MS 대표 "고객이 먼저다"',
        [("Cho Won-woo", "고객이 먼저다")],
    ),
]
