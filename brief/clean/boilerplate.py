"""General patterns of Korean news-page clutter: one rule per kind of line, each with the reason it gives."""

from __future__ import annotations

import functools
import itertools
import re

from brief.clean.normalize import HANGUL

__all__ = [
    "END_REASONS",
    "NAV_HEADER",
    "boilerplate_reason",
    "is_copyright",
    "is_menu",
    "is_menu_shaped",
    "is_metadata_numbers",
    "is_prose",
    "is_run_together",
    "is_running_prose",
    "list_item_number",
]

_I = re.IGNORECASE

# (reason, pattern the whole line must match). Checked in order; patterns stay general, not per-site.
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, _I))
    for reason, pattern in (
        (
            "skip link",
            r"(?:본문|주\s*메뉴|메인\s*메뉴|메뉴|하위\s*메뉴|검색|[콘컨]텐츠|본문\s*내용)\s*(?:으로|로)?\s*바로\s*가기"
            r"|skip\s+(?:to|navigation).*|바로\s*가기",
        ),
        (
            "page tool",
            r"print|인쇄(?:하기)?|프린트|(?:본문\s*)?(?:글자|글씨|폰트)\s*(?:크기|크게|작게|키우기|줄이기).{0,12}|가\s*가"
            r"|(?:기사\s*)?(?:공유|스크랩|저장)(?:하기)?|(?:이\s*)?기사를?\s*(?:공유|스크랩|저장)(?:합니다|하기)?|퍼가기|상태\s*바|url\s*복사|(?:주소|링크)\s*복사(?:하기)?"
            r"|(?:기사\s*)?(?:음성으로\s*)?듣기|음성\s*재생.{0,10}|번역(?:하기|\s*beta)?|닫기|close|share|e-?mail"
            r"|facebook|twitter|instagram|인스타그램|텔레그램|라인|kakao(?:talk)?|카카오(?:톡|스토리)?|페이스북|트위터|엑스|네이버\s*블로그|밴드|링크드인"
            r"|좋아요\s*\d*|싫어요\s*\d*|추천\s*\d*|구독(?:하기)?|구독\s*중|구독자\s*[\d,]*|응원\s*\d*|alert|top|맨\s*위로"
            r"|목록(?:으로)?|\[?\s*(?:이전|다음)\s*(?:글|게시물|게시글)\s*\]?|번역\s*설정|요약\s*보기|본문\s*보기|원문\s*보기|이전\s*기사|다음\s*기사|더\s*보기|more|menu|search|login|로그인|회원가입|전체\s*메뉴"
            r"|chat\s*×?|재생\s*목록|플레이\s*리스트|×|✕|sns\s*(?:공유|보내기)|기사\s*(?:제보|보내기)|오탈자\s*신고|기사\s*원문",
        ),
        (
            "page region",  # labels of page regions read out by screen readers, and video player states
            r"(?:기사\s*)?본문\s*(?:영역|시작|끝)|(?:동영상|영상|광고|기사)\s*영역\s*(?:시작|끝)?|상세\s*페이지"
            r"|자동\s*재생|(?:동영상|영상)\s*(?:재생|로딩|플레이어).{0,10}|play|pause|views?\s*[:：]?\s*[\d,]+"
            r"|.{0,40}(?:복사|스크랩|저장)(?:가|이)?\s*완료(?:되었|됐)습니다\.?"
            r"|.{0,30}브라우저에서(?:만)?\s*(?:사용|이용|재생)(?:하실|할)\s*수\s*있습니다\.?"
            r"|(?:19|20)?\d{2}[.\-/]\d{1,2}(?:[.\-/]\d{1,2})?\s*\(?[월화수목금토일]\)?",
        ),
        (
            "comment widget",
            r"\d*\s*comments?|타임톡\s*[\d,]*|이\s*기사에\s*대해\s*어떻게\s*생각하시나요\??|댓글\s*[\d,]*\s*(?:개)?|댓글\s*(?:쓰기|작성|달기|보기).*|댓글\s*-"
            r"|첫\s*(?:번째)?\s*댓글을\s*(?:작성|남겨)\S*\s*\S*\.?|로딩\s*중\.*|loading\.*"
            r"|.*인기\s*댓글을\s*확인해\s*?보세요\.?|.*댓글.*로그\s*(?:인|아웃).*|로그\s*인.*댓글.*"
            r"|(?:소셜|SNS)?\s*댓글\s*정책.*|댓글\s*(?:운영|삭제|작성|이용)?\s*(?:원칙|정책|규칙|기준|규정|약관)(?!.*[^니]다\.$).*"
            r"|(?:댓글|답글)\s*(?:남기기|쓰기|달기)|(?:전체|독자|최신)\s*댓글\s*[\[(]?\s*[\d,]*\s*개?\s*[\])]?"
            r"|댓글\s*[\[(]\s*[\d,]+\s*[\])]|(?:독자\s*)?의견\s*(?:쓰기|남기기|[\[(]?\s*[\d,]+\s*[\])]?)"
            r"|leave\s+a\s+(?:reply|comment)"
            r"|댓글\s*(?:삭제|수정|신고|등록|닫기|접기|펼치기|더\s*보기).{0,20}|.{0,30}(?:삭제|수정)하시겠습니까\??"
            r"|삭제(?:한|된)\s*댓글.{0,40}|\d+\s*/\s*\d+|\[?\s*\d+\s*자\s*이내.{0,30}"
            r"|.{0,60}댓글을?\s*(?:남기실|다실|쓰실|작성하실)\s*수\s*있습니다\.?|현재\s*총\s*\d+\s*개의\s*댓글.{0,20}"
            r"|[\d,]+\s*개의\s*댓글이\s*있습니다\.?|댓글\s*첫\s*댓글.{0,20}|새로운\s*댓글이\s*없습니다\.?|.{0,20}댓글이\s*없습니다\.?"
            r"(?:\s*.{0,20}댓글을?\s*(?:남겨|작성해|달아|써)\s*(?:주세요|보세요)[.!]?)?",
        ),
        (
            "image hint",
            r"<?\s*이미지를\s*클릭하(?:시면|면).*>?|.*클릭하(?:시면|면)\s*(?:크게|확대|원본).*"
            r"|(?:이미지|사진)\s*(?:크게|확대)\s*보기|확대\s*보기|원본\s*보기",
        ),
        (
            "portal note",
            r".*카테고리는\s*언론사가\s*분류.*|.*언론사는\s*한\s*기사를.*카테고리로\s*분류.*"
            r"|.*언론사(?:에서|가)\s*.*섹션으로\s*분류.*|(?:본문\s*)?요약\s*봇|(?:AI|인공\s*지능|자동|기사|핵심|뉴스|오늘의|한\s*눈에\s*보는)?\s*(?:(?:\d|세|한)\s*줄\s*)?요약(?:\s*(?:보기|닫기|결과|정보|카드|정리))?|.*자동\s*추출\s*기술로\s*요약.*"
            r"|기사\s*섹션\s*분류\s*안내|translated\s+by\s+.*|.*본문\s*듣기를\s*종료.*"
            r"|.*섹션\s*정보는.*언론사의\s*분류.*|.*언론사는\s*개별\s*기사를.*분류.*"
            r"|.*자동\s*요약(?:한|된|기).*|.*본문\s*보기를\s*권장.*"
            r"|.*기사\s*내용\s*요약.*자동.*",
        ),
        ("advertisement", r"[<\[(]?\s*(?:광고|AD|ADVERTISEMENTS?|sponsored|스폰서)\s*[>\])]?"),
        (
            "promotion",
            r"[▶☞►▷→※]\s*.*(?:구독|바로\s*가기|클릭|제보|다운로드|채널|앱\b|카카오톡|네이버|텔레그램|유튜브|뉴스레터"
            r"|홈페이지|무료|이벤트|신청|팔로우|친구\s*추가).*"
            r"|.*(?:제보|보도자료)\s*(?:는|:)\s*.*(?:@|카카오톡|전화|☎).*|.*(?:네이버|다음|구글)\s*(?:뉴스)?\s*에서\s*.*구독.*",
        ),
        (
            "forum field",  # the header fields of a board post: author, post id, an empty comment box
            r"(?:Name|작성자|글쓴이|닉네임|Writer|Author)\s*[:：]?\s*\S{1,20}|(?:게시물|게시글|글)\s*(?:ID|번호)\s*[:：]?\s*\d+"
            r"|새로운\s*댓글이\s*없습니다\.?|undefined"
            r"|IP\s*[:：]\s*\d{1,3}\.\d{1,3}\.(?:\d{1,3}|[x*]{1,3})\.(?:\d{1,3}|[x*]{1,3})"
            r"|(?:작성자|글쓴이|회원)(?:의|\s)\s*(?:다른|최근|최신)\s*(?:글|게시물|게시글)(?:\s*보기)?",
        ),
        (
            "board widget",  # a post's counters and its attachment box ("- 4,397 조회", "추천 3 · 비추천 0")
            r".{0,20}(?:최고\s*)?(?:관리자|운영자|작성자)\s+[\d,]+\s+[\d,]+.{0,10}|(?:\.{2,}|…)?\s*조회\s*(?:수)?\s*[:：]?\s*[\d,]+.{0,20}"
            r"|[-·•|]?\s*[\d,]+\s*(?:조회|읽음|추천|views?|hits?|reads?)"
            r"|(?:(?:추천|비추천|반대|찬성|공감|비공감|신고)\s*[\d,]+\s*[·|/,]?\s*){2,4}"
            r"|(?:관련\s*자료|첨부\s*(?:파일|자료)?|다운로드)\s*(?:\(?\s*\d+\s*(?:건|개)?\s*\)?)?",
        ),
        (
            "category label",  # the board or category a post is filed under ("카테고리 경제", "분류: 정치")
            r"(?:카테고리|분류|category|게시판\s*분류|말머리)\s*[:：>]?\s*[^\s.]{1,12}(?:\s*[>›·/]\s*[^\s.]{1,12})?"
            r"|[가-힣A-Za-z]{1,8}\s*게시판|(?:태그|tags?|키워드)\s*[:：]\s*[^.。]{1,50}",
        ),
        (
            "ui label",  # a button of the page: "뒤로가기", "이전 페이지로", "본문전체읽기", "맨 위로 이동"
            r"(?:맨\s*)?(?:뒤|앞|위|처음|상단|하단|이전\s*(?:페이지|화면)|다음\s*(?:페이지|화면)|메인\s*(?:페이지|화면)?|홈)"
            r"\s*(?:으로|로)(?:\s*(?:가기|이동(?:하기)?|돌아가기))?"
            r"|(?:기사\s*)?(?:본문|전문|원문|전체|목록|카드|기사)(?:\s*(?:전체|내용|기사|본문))?"
            r"\s*(?:보기|읽기|열기|펼치기|펴기|접기|더\s*보기|이동)"
            r"|[가-힣\s]{0,16}(?:옵션|설정|조절|선택|공유|메뉴)\s*(?:레이어|팝업|패널|모달|툴팁)(?:\s*(?:열기|닫기))?"
            r"|(?:이\s*)?(?:콘텐츠|컨텐츠|게시물|게시글|글|페이지|링크|영상)\s*(?:공유|스크랩|저장|신고|퍼가기)(?:하기)?",
        ),
        (
            "reporter photo",  # the alt text of the reporter's photo, and the name: "기자이미지 홍길동"
            r"(?:[가-힣]{2,4}\s*)?(?:기자|리포터|앵커|특파원)\s*(?:의\s*)?(?:이미지|사진|프로필\s*(?:사진|이미지)?|얼굴|썸네일|photo|image)"
            r"(?:\s*[가-힣]{2,4}(?:\s*(?:기자|리포터|앵커|특파원))?)?",
        ),
        (
            "breadcrumb",
            r"(?:홈|HOME|뉴스|News)\s*[>›»].{0,50}|(?:현재\s*위치|현재\s*페이지|location|you\s*are\s*here)\s*[:：]?\s*[>›»]?.{0,80}|(?:[^>›»\s][^>›»]{0,14}\s*[>›»]\s*){2,5}[^>›»\s][^>›»]{0,14}",
        ),
        (
            "section label",
            r"(?:홈|HOME|뉴스|정치|경제|사회|국제|세계|문화|생활|건강|과학|IT|IT\s*[·/]\s*과학|산업|증권|금융|부동산"
            r"|스포츠|연예|오피니언|사설|칼럼|기업|테크|통신|모바일|인터넷|게임|유통|자동차|전자|반도체|에너지"
            r"|바이오|헬스|정책|글로벌|전국|지역|라이프|피플|인물|포토|영상|경제\s*일반|산업\s*일반|IT\s*일반"
            r"|단독|속보|종합|기획|인터뷰|분석|해설|연재|팩트\s*체크|시리즈|이슈|오늘의\s*운세|날씨|랭킹)(?:\s*[·/|]\s*\S{1,6})?",
        ),
        (
            "reaction buttons",
            r"(?:(?:좋아요|훈훈해요|슬퍼요|화나요|후속기사\s*원해요|추천해요|놀랐어요|기뻐요|응원해요|감동이에요"
            r"|흥미진진|쏠쏠정보|후속강추|공감|공감해요|싫어요|최고예요|궁금해요)\s*[\d,]*\s*){1,9}",
        ),
        (
            "subscription",
            r".{0,20}(?:언론사|기자|채널|뉴스레터)\s*구독.{0,20}|.{0,25}구독(?:을|를)?\s*(?:해지|취소|신청|설정)(?:합니다|하기)?\.?"
            r"|.{0,40}구독해\s*보세요!?|.{0,30}구독하(?:기|세요)!?",
        ),
        (
            "transcript note",  # a broadcaster's note over a transcript: how to cite it, how it may differ
            r"[*※\s]*.{0,40}인용\s*(?:시|보도\s*시|하실\s*(?:때|경우)(?:는|에는)?).{0,60}밝혀\s*주(?:시기\s*바랍니다|십시오|세요)\.?"
            r"|[*※\s]*[^\"“”]{0,40}방송\s*내용과\s*(?:차이가\s*있을|다를)\s*수\s*있(?:으니|으므로|습니다)[^\"“”]{0,60}"
            r"(?:바랍니다|확인하세요|확인해\s*주세요)\.?",
        ),
        ("text to speech", r".{0,20}(?:텍스트\s*)?음성\s*변환.{0,20}|.{0,10}(?:기사\s*)?읽어\s*주기.{0,10}"),
        (
            "broadcast label",
            r"[\[<(【]\s*(?:앵커|기자|리포트|앵커\s*리포트|기자\s*리포트|클로징|오프닝|스튜디오)(?:\s*멘트)?\s*[\]>)】]"
            # a script's production marks: "◀ANC▶", "◀END▶ ◀VCR▶", "(S/U)" (the reporter's stand-up)
            r"|(?:(?:◀\s*(?:ANC|END|VCR|CG|SYN|SOT|NA|S/U|앵커|리포트|기자)\s*▶|\(\s*(?:S/U|VCR|CG)\s*\))\s*)+",
        ),
        (
            # a programme's air time over its page: "평일 오전 10시 10분", "매주 토요일 밤 9시"
            "air time",
            r"(?:매주\s*|매일\s*)?(?:평일|주말|[월화수목금토일](?:[~·\-][월화수목금토일])?(?:요일)?)?\s*"
            r"(?:오전|오후|밤|저녁|아침|새벽)\s*\d{1,2}\s*시(?:\s*\d{1,2}\s*분)?(?:\s*[~\-]\s*.{0,15})?",
        ),
        (
            # the programme's anchor named on a line of their own: "앵커 홍길동", "진행 : 김가나 앵커"
            "anchor credit",
            r"(?:앵커|진행)\s*[:：]?\s*[가-힣]{2,4}(?:\s*(?:앵커|아나운서))?",
        ),
        (
            # a reporter's line about themselves under the article: "가나일보 IT 담당 홍길동 기자입니다."
            "reporter profile",
            r"[^.!?\"“”]{0,50}(?:담당|출입|팀|부|소속)\s+[가-힣]{2,4}\s*(?:전문|선임|수석)?\s*기자입니다\.?",
        ),
        (
            "broadcast sign-off",
            # the closing mark after the sign-off is a stand-up's stray one ("MBC뉴스 NAME입니다.\"")
            r"[가-힣]{2,4}\s*기자(?:입니다|가\s*보도합니다|의\s*보도입니다)\.?[\"”']?"
            r"|(?:KBS|MBC|SBS|YTN|JTBC|MBN|OBS|CBS|EBS|TV\s*조선|채널\s*A|연합뉴스\s*TV|뉴스\s*TVN?)"
            r"\s*(?:뉴스|News)?\s*[가-힣]{2,4}(?:\s*기자)?입니다\.?[\"”']?"
            r"|.{0,30}(?:여러분의\s*)?(?:소중한\s*)?제보를\s*기다립니다\.?",
        ),
        (
            "support box",  # a call for the reader's money or sign-up under the article, and its notes
            r".{0,30}(?:후원|기부|응원|결제|정기\s*구독|멤버십|회원\s*가입)(?:하기|하러\s*가기|\s*바로\s*가기|\s*신청(?:하기)?)"
            r"|[^\"“”.:)]{0,10}(?:기사|글|콘텐츠|컨텐츠|뉴스|포스트)\S{0,2}\s[^\"“”]{0,20}(?:셨나요|셨습니까|셨다면)\s*[?!.]?"
            r"|※\s*.{0,50}(?:후원|기부|구독료).{0,50}",
        ),
        (  # a toolbar's labels and a blog's share row
            "page tool",
            r"(?:번역할\s*)?언어\s*(?:선택|설정|변경)|(?:기사\s*)?도구\s*모음|(?:share|like)\s+this\s*:?"
            r"|(?:키보드\s*)?단축키(?:\s*(?:안내|보기|도움말))?|(?:이\s*)?메일\s*(?:보내기|전송)|이메일\s*(?:보내기|전송)"
            # a font-size widget: its label and its sample text ("(예시) … 만나보세요.")
            r"|(?:이\s*)?(?:글자|글씨)\s*크기로\s*변경됩니다\.?|\(\s*예시\s*\).{0,80}보세요\.?",
        ),
        (
            # a broadcast's production credits: "영상취재 : NAME", "- 내레이션 NAME 아나운서 -",
            # "촬영기자: NAME 영상편집: NAME"
            "production credit",
            r"[-–—(\[]?\s*(?:(?:영상\s*(?:취재|편집|구성)|촬영(?:\s*기자)?|내레이션|나레이션|그래픽|연출|자막)"
            r"\s*[:：]?\s*[가-힣]{2,4}(?:\s*(?:기자|PD|아나운서|작가|인턴|\([^()]{1,8}\)))*\s*[,·/|]?\s*){1,4}[-–—)\]]?",
        ),
        (
            # a search page's header and its counts: "\"금리\"에 대한 통합검색 결과", "검색결과 총 35건",
            # "통합검색(222)", "경제(31)"
            "search header",
            r".{1,40}(?:에\s*대한|의)\s*(?:통합\s*)?검색\s*결과.{0,30}|(?:통합\s*)?검색\s*결과\s*(?:총\s*)?[\d,]+\s*건"
            r"|[가-힣A-Za-z·]{1,8}\s*\(\s*[\d,]+\s*\)(?:\s+[가-힣A-Za-z·]{1,8}\s*\(\s*[\d,]+\s*\)){0,8}",
        ),
        ("counter", r"[\d,.]+"),
        ("end mark", r"[<(\[]?\s*(?:끝|END)\s*[>)\]]?|-{2,}\s*끝\s*-{2,}"),
        ("symbols only", r"[\W_]{1,}"),
    )
)


# A page template's filler text: "공지 문구가 한 줄로 들어가는 영역입니다.", "여기에 배너 문구가 들어갑니다."
_PLACEHOLDER = re.compile(
    r".{0,30}(?:문구|텍스트|제목|이미지|배너|설명|공지|알림|광고|안내|메시지|문장|내용|카피|placeholder)\S{0,4}\s*.{0,20}"
    r"(?:들어가|들어갈|들어오|노출되|노출될|표시되|표시될|출력되|입력되|위치하)(?:는|ㄹ)?\s*"
    r"(?:영역|자리|곳|부분|공간|칸)(?:입니다|이다|임)?\.?"
    r"|.{0,20}(?:문구|텍스트|배너|공지|알림|광고|안내)\S{0,4}\s*(?:영역|자리)(?:입니다)?\.?"
    r"|(?:여기에|이곳에|이\s*(?:영역|자리|칸)에).{0,30}(?:들어갑니다|표시됩니다|노출됩니다|입력하세요|입력해\s*주세요)\.?"
    r"|lorem\s+ipsum.*",
    _I,
)
_PLACEHOLDER_WORDS = ("영역", "자리", "곳", "부분", "공간", "칸", "니다", "하세요", "주세요", "ipsum")


def is_template_placeholder(line: str) -> bool:
    """A template's placeholder sentence that tells what goes where (checked only on short lines that
    carry one of its words, so that the common line costs a substring test)."""
    return (
        len(line) <= 80
        and any(word in line for word in _PLACEHOLDER_WORDS)
        and _PLACEHOLDER.fullmatch(line) is not None
    )


# Section headers of navigation blocks and ranked lists. What follows them is a list of other headlines.
NAV_HEADER = re.compile(
    r"(?:가장\s*)?많이\s*(?:본|읽은)\s*(?:뉴스|기사)?|실시간\s*(?:인기\s*)?(?:뉴스|기사|검색어|랭킹)|(?:인기|추천|최신|랭킹|주요|핫|"
    r"관련|헤드라인|포토|영상|섹션별|오늘의|이\s*시각)\s*(?:뉴스|기사)|관련\s*기사\s*(?:더\s*보기)?|"
    r"이\s*시각\s*(?:주요|인기)\s*(?:뉴스|기사)?|(?:이\s*)?기자의\s*(?:다른|최신)\s*기사|(?:hot|top|most\s*read|popular)\s*(?:news|stories|articles)?|"
    r"이슈\s*(?:포토|픽|톡)|많이\s*본\s*(?:포토|영상)|이\s*시각\s*(?:뉴스|헤드라인)|(?:주요|많이\s*본|인기)\s*뉴스\s*(?:더\s*보기)?"
    r"|(?:댓글|공감|추천|반응)\s*(?:이\s*)?많은\s*(?:뉴스|기사)",
    _I,
)
_BULLET_PREFIX = re.compile(r"^[•·▪◦]\s*")
_NAV_TAIL = re.compile(r"\s*(?:더\s*보기|more|\+|>|›|»|〉)?\s*$", _I)
_LIST_ITEM = re.compile(r"(\d{1,2})(?:[.)]\s*|\s+|(?=[^\d\s.,%]))(?=\S)")
_BULLET_ITEM = re.compile(r"[-•·▶▷►☞○●■□]\s*\S")

_COPYRIGHT = re.compile(
    r"[ⓒ©]|\(c\)\s*\S|copyright|all\s+rights\s+reserved|^[<\[(]\s*저작권자|저작권자\s*[ⓒ©(:]"
    r"|무단\s*(?:전재|복제|배포|게재|사용).{0,30}(?:금지|금합니다|금함|불허)|재배포\s*(?:금지|및)"
    r"|AI\s*학습\s*(?:및\s*활용\s*)?금지|(?:전재|재배포).{0,10}(?:금지|금합니다)",
    _I,
)
_SENTENCE_END = re.compile(r"[.?!。](?:['\"’”」』)\]]|\s)*$")
_LONG_NUMBER = re.compile(r"\d{6,}")
_ID_TOKEN = re.compile(
    r"\d[\d.\-_:]*|true|false|null|none|[\w.\-]*\d[\w.\-]*-release|[A-Za-z]*\d{4,}[A-Za-z\d]*", _I
)

# The reasons that mean "the article is over": a byline or a copyright line after the body.
END_REASONS = frozenset({"byline", "reporter e-mail", "copyright", "desk credit"})


def _rule_pattern(reason: str) -> str:
    return next(pattern for r, pattern in ((r, p.pattern) for r, p in _RULES) if r == reason)


# All rules as one alternation: one regex call per line instead of one per rule.
_ALL_RULES = re.compile("|".join(f"(?P<r{i}>{p.pattern})" for i, (_, p) in enumerate(_RULES)), _I)
_REASON_OF = {f"r{i}": reason for i, (reason, _) in enumerate(_RULES)}


_SECTION = re.compile(
    _RULES[[r for r, _ in _RULES].index("section label")][1].pattern + "|전체\\s*기사|많이\\s*본", _I
)
_MENU_SPLIT = re.compile(r"\s*[|·/]\s*|\s+")


def is_menu(line: str) -> bool:
    """A bar of section names ("정치 경제 사회 국제 문화", "홈 | 뉴스 | 스포츠"): three or more, nearly all
    of them section labels."""
    if len(line) > 80 or _SECTION.match(line) is None:  # a menu starts with a section name
        return False
    words = [w for w in _MENU_SPLIT.split(line) if w]
    if len(words) < 3 or any(len(w) > 8 for w in words):
        return False
    return sum(1 for w in words if _SECTION.fullmatch(w)) >= 0.75 * len(words)


_NAV_SPLIT = re.compile(r"\s*[|·/]\s*|\s+")
_NAV_PHRASE = re.compile(f"(?:{_rule_pattern('skip link')})|(?:{_rule_pattern('page tool')})", _I)
_NAV_OR_SECTION = re.compile(f"{_NAV_PHRASE.pattern}|(?:{_rule_pattern('section label')})", _I)
_SKIP = re.compile(_rule_pattern("skip link"), _I)


def nav_phrases_reason(line: str) -> str | None:
    """A line made only of navigation phrases ("본문 바로가기 메뉴 바로가기", "전체메뉴 로그인 회원가입",
    "홈 뉴스 로그인 구독"): its words split into runs of one to three words, each a skip link, a page tool
    or a section name, at least one of them a link or a tool. "skip link" when one of them is a skip
    link, else "page tool"; None for any other line."""
    if len(line) > 80 or _NAV_OR_SECTION.match(line) is None:  # one cheap test: it opens with a phrase
        return None
    words = [w for w in _NAV_SPLIT.split(line) if w]
    if len(words) < 2 or len(words) > 12:
        return None
    # reach[i]: how the words before i can be cut into phrases, as (a link or tool seen, a skip link seen)
    reach: list[set[tuple[bool, bool]]] = [set() for _ in range(len(words) + 1)]
    reach[0].add((False, False))
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + 3) + 1):
            if not reach[i]:
                break
            phrase = " ".join(words[i:j])
            if _NAV_OR_SECTION.fullmatch(phrase) is None:
                continue
            tool = _NAV_PHRASE.fullmatch(phrase) is not None
            skip = tool and _SKIP.fullmatch(phrase) is not None
            reach[j].update((seen or tool, skipped or skip) for seen, skipped in reach[i])
    ends = [state for state in reach[-1] if state[0]]
    if not ends:
        return None
    return "skip link" if any(skipped for _, skipped in ends) else "page tool"


# A widget sentence addressed to the reader about the page itself: a machine summary's disclaimer, a
# prompt to share, subscribe, follow or read on ("…요약한 결과입니다.", "이 콘텐츠를 공유하세요.").
_WIDGET_TOPIC = re.compile(
    r"요약|공유|구독|스크랩|팔로우|좋아요|알림|북마크|퍼가|본문\s*전체|전체\s*(?:기사|본문)|원문|(?:읽기|읽어|보기)를?|읽을"
    r"|자세한\s*(?:내용|소식)은"
)
_TO_READER = re.compile(
    r"(?:하세요|보세요|주세요|주십시오|하십시오|바랍니다|권장합니다|권합니다|부탁드립니다)[.!]?$"
)
_ABOUT_READING = re.compile(r"(?:결과입니다|수도?\s*있습니다)[.!]?$")  # said of the page, not to the reader
_ABOUT_PAGE = re.compile(
    r"(?:이|본|해당)\s*(?:기사|콘텐츠|컨텐츠|글|요약|뉴스|페이지)|기사\s*내용|본문|(?:동)?영상(?:으로|에서|을\s*통해)"
    r"|(?:유사한|비슷한|관련된|다른)\s*(?:뉴스\s*)?(?:기사|뉴스|글)"
)
_WIDGET_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s*")


def is_reader_widget(line: str) -> bool:
    """Every sentence of ``line`` speaks to the reader about the page (summarising, sharing, subscribing,
    reading the whole text) and none is quoted: a portal widget, not the article."""
    if len(line) > 300 or '"' in line or "“" in line or _WIDGET_TOPIC.search(line) is None:
        return False
    sentences = [s for s in _WIDGET_SENTENCE_BREAK.split(line) if s.strip()]
    if len(sentences) > 1 and not sentences[-1].rstrip().endswith((".", "!", "?")):
        sentences.pop()  # cut off by the scraper: the complete sentences before it decide
    if not sentences or len(sentences) > 4:
        return False
    # a courtesy said with the request ("감사합니다! 친구들과 공유해주세요!") belongs to the widget
    sentences = [s for s in sentences if not _COURTESY.fullmatch(s.strip())] or sentences
    return all(_widget_sentence(s.strip()) for s in sentences)


_COURTESY = re.compile(r"(?:감사합니다|고맙습니다)[.!~]*")


def _widget_sentence(sentence: str) -> bool:
    if _WIDGET_TOPIC.search(sentence) is None:
        return False
    about_page = _ABOUT_PAGE.search(sentence) is not None
    if _TO_READER.search(sentence):  # "…공유해 보세요.": a request to the reader
        return about_page or len(sentence) <= 40
    return about_page and _ABOUT_READING.search(sentence) is not None


# "이 기사는 2025년 1월 2일 … 유료콘텐츠서비스 …에 표출된 기사입니다.": where else the article appeared
_SYNDICATION = re.compile(
    r"[\[(<]?\s*[※*▶■☞]?\s*(?:이|본|해당)\s*기사는\s.{0,160}(?:"
    r"(?:표출|게재|출고|송고|제공|발행|노출|공개|서비스)(?:된|됐던|되었던|한)\s*(?:기사|콘텐츠|것)입니다"
    r"|(?:실렸|게재됐|게재되었|표출됐|표출되었|공개됐|공개되었|출고됐|출고되었)습니다)\.?\s*[\])>]?"
)


# "…의 문장 추출 기술을 사용하여 "OUTLET" 기사 내용을 3줄로 요약한 결과입니다.": a portal's note under its
# machine summary (what made the summary), never the article's words
_SUMMARY_NOTICE = re.compile(
    r"[\[(<]?\s*[※*▶■☞]?\s*.{0,60}(?:기술|AI|인공지능|알고리즘|모델)\S{0,2}\s*(?:을|를)?\s*"
    r"(?:사용|활용|이용|통해|기반으로)\S{0,3}\s.{0,80}요약(?:한|된|했)\s*(?:결과|내용|것|글)\S{0,4}\.?\s*[\])>]?"
    r"(?:\s*[^.]{0,80}(?:본문|원문|전문|기사\s*전체)[^.]{0,40}\.?)?",  # "… 본문 전체 읽기를 권장합니다."
    _I,
)


# Menu words are bare nouns: no case particle, no verb ending. The last syllables that mark a word as
# inflected or followed by a particle ("정부가", "밝혔다", "오르는", "회의에서"); a noun that happens to end
# in one of them ("국무회의") only makes a menu go unrecognised, never a headline lost.
_INFLECTED = re.compile(
    r"(?:은|는|을|를|의|에|에서|으로|와|과|도|고|며|다|요|했|된|될|할|던|께|랑|서|나|면|니|게|지|죠"
    r"|져|쳐|혀|겨|려|워|해|돼|어|아|여)$"
    r"|[가-힣]{2,}(?:이|가|로|인|한)$"
)
_MENU_WORD = re.compile(r"[가-힣]{1,4}|[A-Za-z]{1,8}")


def is_menu_shaped(line: str) -> bool:
    """A line of four to fourteen short bare words and nothing else ("뉴스 랭킹 이슈 오피니언 포럼",
    "홈 스토리 피플 트렌드 여행"): no digit, no punctuation, no particle, no verb ending. Such a line is a
    menu bar whatever its words; it is decided by shape, not by a list of section names."""
    if len(line) > 90:
        return False
    words = [w for w in _MENU_SPLIT.split(line) if w]
    if not 4 <= len(words) <= 14 or any(_MENU_WORD.fullmatch(w) is None for w in words):
        return False
    if sum(1 for w in words if HANGUL.match(w)) < 3:
        return False
    return not any(len(w) >= 2 and _INFLECTED.search(w) for w in words)


@functools.lru_cache(maxsize=8192)
def boilerplate_reason(line: str) -> str | None:
    """The reason ``line`` is page clutter, or None. ``line`` is normalised and non-empty. A line met
    again (a menu on every page, a line tested when lines are joined and again when they are sorted) is
    looked up, not matched again: the answer depends on the line alone."""
    if is_menu(line):
        return "menu"
    if len(line) <= 60:
        match = _ALL_RULES.fullmatch(line)
        if match is None and _BULLET_PREFIX.match(line):  # "• 퍼가기", "• 인쇄하기": a tool in a bulleted bar
            match = _ALL_RULES.fullmatch(_BULLET_PREFIX.sub("", line))
        if match is not None and match.lastgroup is not None:
            return _REASON_OF[match.lastgroup]
    elif len(line) <= 200:
        for reason in ("comment widget", "portal note", "promotion"):
            if _rule(reason).fullmatch(line):
                return reason
    if is_nav_header(line):
        return "navigation header"
    if is_run_together(line):
        return "navigation run"
    if "://" in line and len(line) <= 300 and _SOURCE_LINK.fullmatch(line):
        return "source link"
    if len(line) <= 220 and _SYNDICATION.fullmatch(line):
        return "syndication note"
    if len(line) <= 320 and "요약" in line and _SUMMARY_NOTICE.fullmatch(line):
        return "summary notice"
    if line.startswith("(예시)") and "보세요" in line[:100] and len(line) <= 250:
        return "page tool"  # a font-size widget's sample text: "(예시) … 만나보세요. …"
    if is_reader_widget(line):
        return "reader widget"
    if is_template_placeholder(line):
        return "template placeholder"
    if len(line) <= 80 and _UI_PROMPT.fullmatch(line):
        return "ui prompt"
    if len(line) <= 110 and _SUPPORT_PLEA.fullmatch(line):
        return "support box"
    return nav_phrases_reason(line) or _link_banner(line)


# a banner that links to another page: "2024 시민 정책 박람회 바로가기"
_LINK_BANNER = re.compile(r"[^.!?]{2,60}\s바로\s*가기")


def _link_banner(line: str) -> str | None:
    return "link banner" if len(line) <= 70 and _LINK_BANNER.fullmatch(line) else None


# A form's instruction to the reader ("댓글을 입력해 주세요.", "약관에 동의해 주세요."): a request that names
# what the reader types, clicks or agrees to. Checked after a template's placeholder ("…입력하세요").
_UI_PROMPT = re.compile(
    r"(?=[^.?!\"“”'‘’]{0,50}(?:로그\s*인|로그\s*아웃|약관|아이디|비밀번호|댓글|답글"
    # typing, clicking or agreeing said of a form's own parts ("아래 항목을 채우거나", "숫자를 입력하세요")
    r"|(?:아래|내용|숫자|코드|문자|닉네임)[^.?!]{0,20}(?:입력|클릭|동의|채우|선택)))"
    r"[^.?!\"“”'‘’]{0,80}(?:하세요|해\s*주세요|하여\s*주세요|하십시오|해\s*주십시오|하시기\s*바랍니다)[.!:]?"
)

# A plea for the reader's support ("독자 여러분의 후원이 좋은 기사를 만듭니다."): giving or subscribing, the
# reader or the journalism, and a plea's polite end (not a report, "…이어지고 있습니다", "…마련했습니다")
_SUPPORT_PLEA = re.compile(
    r"(?=[^\"“”]*(?:후원|구독|기부))(?=[^\"“”]*(?:(?<!구)독자|여러분|언론|저널리즘))[^\"“”]{8,100}"
    r"(?:주세요|주십시오|부탁드립니다|바랍니다|기다립니다|됩니다|만듭니다|지킵니다|합니다)[.!]?"
)

# A list of names printed without spaces ("서울지사부산지사대구지사…"): a menu whose separators the scraper
# lost. No Korean word, compound or not, runs this long without a space.
_RUN_TOGETHER = re.compile(r"[가-힣]{25,}")

# "from 시사IN http://…", "출처: 한겨레 https://…": where a re-posted text came from, with its link
_SOURCE_LINK = re.compile(
    r"[\[(]?\s*(?:from|source|via|출처|원문|원본|기사\s*원문)\s*[:：|]?\s*[^\s:：]{0,20}\s*[:：|]?\s*https?://\S+\s*[\])]?",
    _I,
)


def is_run_together(line: str) -> bool:
    """A line of names run together without spaces (a region or edition menu), with no sentence in it."""
    return (
        _RUN_TOGETHER.search(line) is not None
        and _SENTENCE_END.search(line) is None
        and _STATEMENT_STOP.search(line) is None
    )


def _rule(reason: str) -> re.Pattern[str]:
    return next(pattern for r, pattern in _RULES if r == reason)


def is_nav_header(line: str) -> bool:
    """A header that starts a list of other articles ("많이 본 뉴스", "관련기사 더보기", "포토뉴스")."""
    return len(line) <= 30 and NAV_HEADER.fullmatch(_NAV_TAIL.sub("", line)) is not None


def list_item_number(line: str) -> int | None:
    """The rank of a numbered list item ("1질문 폭격…", "2. 한투운용…", "3) …"), or None."""
    match = _LIST_ITEM.match(line)
    if match is None or len(line) > 150 or (_SENTENCE_END.search(line) and len(line) > 100):
        return None
    return int(match.group(1))


def is_bullet_item(line: str) -> bool:
    """A bulleted headline of a link list ("- 다른 기사", "▶ 관련 기사")."""
    return len(line) <= 120 and _BULLET_ITEM.match(line) is not None


def is_copyright(line: str) -> bool:
    """A copyright / no-reprint notice ("ⓒ이코노미스트 … 무단 전재 및 재배포 금지")."""
    return len(line) <= 200 and _COPYRIGHT.search(line) is not None


def is_metadata_numbers(line: str) -> bool:
    """A line of ids, epoch numbers and flags ("58260680 0182020022058260680 08 … 1582188316000 …")."""
    tokens = line.split()
    if len(tokens) < 4 or not _LONG_NUMBER.search(line):
        return False
    ids = sum(1 for t in tokens if _ID_TOKEN.fullmatch(t))
    return ids >= 4 and ids / len(tokens) >= 0.4


_STATEMENT_STOP = re.compile(r"[가-힣](?:다|요|죠)[.!?]")
_RUNNING_MIN = 150


def is_prose(line: str) -> bool:
    """A line of running text: Korean, ends like a sentence ("…했다.", "…습니다.\""), or a long line of
    several sentences whose last one the scraper cut ("…밝혔다.이어 …했다.그러나 시는 다음")."""
    if len(line) < 8 or HANGUL.search(line) is None:
        return False
    return _SENTENCE_END.search(line) is not None or is_running_prose(line)


def is_running_prose(line: str) -> bool:
    """A long line holding three or more Korean statements ("…했다."), whatever its end."""
    if len(line) < _RUNNING_MIN:
        return False
    return next(itertools.islice(_STATEMENT_STOP.finditer(line), 2, None), None) is not None
