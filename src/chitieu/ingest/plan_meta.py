"""What plan a document is: issuing body, level, place, kind, term or year.

Read, in this order of trust, from a person's hints, the target table's caption,
the document's first lines, its first sentences that adopt or set the plan, and
the file name. Nothing is invented: the issuer is written only when the text
names the body together with its place ("Hội đồng nhân dân tỉnh Kim Sơn"); a
field that cannot be found stays empty and `missing()` says which, so the review
and the command can ask a person.

Rules, all on tone-folded text:
- a body is "Đảng bộ", "Hội đồng nhân dân"/"HĐND" or "Ủy ban nhân dân"/"UBND",
  followed by a level word ("tỉnh", "thành phố"/"TP", "xã", "phường", "đặc khu")
  and the place's capitalised words. A body after "Chủ tịch", "Bí thư" … is a
  person's title, not the issuer;
- a congress term is "nhiệm kỳ A - B" in a line that speaks of a congress or a
  Party committee (a People's Council's own "khóa X, nhiệm kỳ 2021 - 2026" is
  not the plan's term);
- "kế hoạch phát triển kinh tế - xã hội năm 2026" is an annual plan, "… 5 năm
  2026 - 2030" or "… giai đoạn 2026 - 2030" a five-year plan, a congress
  ("đại hội", "báo cáo chính trị") a resolution.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import PurePath

from chitieu.catalog.model import Plan
from chitieu.catalog.text import fold, nfc
from chitieu.ingest.plan_hints import PlanHints

RESOLUTION, ANNUAL_PLAN, FIVE_YEAR_PLAN = "resolution", "annual_plan", "five_year_plan"
KINDS = (RESOLUTION, ANNUAL_PLAN, FIVE_YEAR_PLAN)
LEVELS = ("tinh", "thanh_pho", "xa", "phuong", "dac_khu")
BODIES = ("dang_bo", "hdnd", "ubnd")

LEVEL_WORDS = {
    "tinh": "tỉnh",
    "thanh_pho": "thành phố",
    "xa": "xã",
    "phuong": "phường",
    "dac_khu": "đặc khu",
}
BODY_WORDS = {"dang_bo": "Đảng bộ", "hdnd": "Hội đồng nhân dân", "ubnd": "Ủy ban nhân dân"}
KIND_LABELS = {
    RESOLUTION: "Nghị quyết Đại hội Đảng bộ",
    ANNUAL_PLAN: "Kế hoạch phát triển kinh tế - xã hội năm",
    FIVE_YEAR_PLAN: "Kế hoạch phát triển kinh tế - xã hội 5 năm",
}

_BODY_NAMES = {
    "Ban Chấp hành Đảng bộ": "dang_bo",
    "Đảng bộ": "dang_bo",
    "Hội đồng nhân dân": "hdnd",
    "HĐND": "hdnd",
    "Ủy ban nhân dân": "ubnd",
    "Uỷ ban nhân dân": "ubnd",
    "UBND": "ubnd",
}
_LEVEL_NAMES = {
    "tỉnh": "tinh",
    "thành phố": "thanh_pho",
    "TP.": "thanh_pho",
    "TP": "thanh_pho",
    "P.": "phuong",
    "xã": "xa",
    "phường": "phuong",
    "đặc khu": "dac_khu",
}
_BODY_CODES = {fold(name): code for name, code in _BODY_NAMES.items()}
_LEVEL_SPELLINGS = frozenset(name.lower().rstrip(".") for name in _LEVEL_NAMES)
_LEVEL_CODES = {fold(name): code for name, code in _LEVEL_NAMES.items()}


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_BODY = rf"(?P<body>{_alternatives(_BODY_CODES)})"
_LEVEL = rf"(?P<level>{_alternatives(_LEVEL_CODES)})"
_BODY_PLACE = re.compile(rf"(?<!\w){_BODY}\s+{_LEVEL}(?<=\.)?\s*(?<=[\s.])(?P<rest>\S)")
_PLACE_ONLY = re.compile(rf"(?<!\w){_LEVEL}\s*(?<=[\s.])(?P<rest>\S)")
_PERSON_TITLES = tuple(
    fold(t) for t in ("Chủ tịch", "Bí thư", "Trưởng ban", "Giám đốc", "thường trực")
)
_DELEGATE, _CONGRESS_OF = fold("đại biểu"), fold("đại hội đại biểu")
# Words that end a place name: what follows a place in a title or a sentence.
_PLACE_STOPS = frozenset(
    word
    for word in (
        "lần", "khóa", "nhiệm", "kỳ", "về", "năm", "giai", "thứ", "đã", "đặt", "thông",
        "ban", "trình", "tại", "và", "với", "của", "đến", "trong", "là", "có", "phấn", "quyết",
        "nghị", "kế", "hoạch", "đại", "hội", "số", "ngày", "tháng", "khai", "bế", "tổ", "họp",
    )
)  # fmt: skip
_MAX_PLACE_WORDS = 4
_SHORT_NAME = 2  # most places are named in two words
_SURNAMES = frozenset(
    [
        "Nguyễn",
        "Trần",
        "Lê",
        "Phạm",
        "Hoàng",
        "Huỳnh",
        "Phan",
        "Vũ",
        "Võ",
        "Đặng",
        "Bùi",
        "Đỗ",
        "Hồ",
        "Ngô",
        "Dương",
        "Lý",
        "Đinh",
        "Trịnh",
    ]
)
_TERM = re.compile(rf"{fold('nhiệm kỳ')}\s*(\d{{4}})\s*[-–—]\s*(\d{{4}})")
_CONGRESS = tuple(
    fold(w) for w in ("đại hội", "Đảng bộ", "Ban Chấp hành", "cấp ủy", "báo cáo chính trị")
)
_COUNCIL = tuple(fold(w) for w in ("Hội đồng nhân dân", "HĐND"))
_ECONOMIC_PLAN = (
    rf"{fold('kế hoạch')}\s+{fold('phát triển')}\s+{fold('kinh tế')}\s*[-–]?\s*{fold('xã hội')}"
)
_ANNUAL = re.compile(rf"{_ECONOMIC_PLAN}\s+{fold('năm')}\s+(\d{{4}})")
_FIVE_YEAR = re.compile(
    rf"{_ECONOMIC_PLAN}\s+(?:0?5\s+{fold('năm')}\s*)?(?:{fold('giai đoạn')}\s*)?"
    r"(\d{4})\s*[-–—]\s*(\d{4})"
)
_TARGET_CUES = tuple(
    fold(w)
    for w in (
        "chỉ tiêu", "mục tiêu", "kế hoạch", "nhiệm vụ", "kịch bản", "điều hành", "phấn đấu",
        "tăng trưởng",
    )
)  # fmt: skip
# "năm 2026" as a plan's year: not "đến năm 2030", "trước năm 2030", "năm 2026-2030".
_TARGET_YEAR = re.compile(
    rf"(?<!{fold('đến')} )(?<!{fold('tới')} )(?<!{fold('trước')} )(?<!{fold('sau')} )"
    rf"(?<!{fold('vào')} )(?<!{fold('từ')} ){fold('năm')} (\d{{4}})(?!\s*[-–])"
)
_SPAN = re.compile(rf"{fold('giai đoạn')}\s*(\d{{4}})\s*[-–—]\s*(\d{{4}})")
_IN_PASSING = tuple(
    fold(w)
    for w in (
        "tiền đề", "năm đầu", "bản lề", "triển khai", "thực hiện", "đánh giá", "tổng kết",
        "kết quả", "cuối năm",
    )
)  # fmt: skip
_CONGRESS_WORD = fold("đại hội")
_REPORT_WORDS = fold("báo cáo chính trị")
_FILE_SPAN = re.compile(r"(20\d\d)\s*[-_–]\s*(20\d\d)")
_FILE_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
_HEAD_LINES = 40
_LEAD_SENTENCES = 12  # sentences of the body searched for an adopting body (news reports)


@dataclass(frozen=True)
class PlanMeta:
    """What the document says about its plan; None where it does not say.

    `place` is the place's name in title case ("Kim Sơn", "Tân Phú"), `level`
    one of LEVELS, `issuer_body` one of BODIES, `issuer` the body as named
    ("Hội đồng nhân dân tỉnh Kim Sơn"), `term` a congress term or a five-year
    span, `year` an annual plan's year, `found_in` where each field was read
    ("dòng 3", "tên tệp", "tùy chọn").
    """

    kind: str | None = None
    issuer_body: str | None = None
    issuer: str | None = None
    level: str | None = None
    place: str | None = None
    term: tuple[int, int] | None = None
    year: int | None = None
    title: str = ""
    found_in: tuple[tuple[str, str], ...] = ()

    def missing(self) -> tuple[str, ...]:
        """The fields a person must still give, by their option name."""
        gaps = []
        if self.kind is None:
            gaps.append("kind")
        if self.issuer is None:
            gaps.append("issuer")
        if self.level is None:
            gaps.append("level")
        if self.place is None:
            gaps.append("locality")
        if self.term is None and self.year is None:
            gaps.append("year" if self.kind == ANNUAL_PLAN else "term")
        return tuple(gaps)

    @property
    def years(self) -> tuple[int, int] | None:
        """The plan's span: the term, or the annual plan's one year."""
        if self.year is not None and (self.kind == ANNUAL_PLAN or self.term is None):
            return self.year, self.year
        return self.term


@dataclass(frozen=True)
class _Text:
    """A piece of the document to read, and how to name where it is."""

    text: str
    where: str


def read_plan_meta(
    captions: Iterable[tuple[str, int | None]],
    lines: Iterable[tuple[int, str]],
    *,
    file_name: str = "",
    hints: PlanHints | None = None,
) -> PlanMeta:
    """The plan's metadata: `captions` are the target tables' titles with their
    lines, `lines` the document's (number, text) in order."""
    head = [(n, t) for n, t in lines][: _HEAD_LINES * 4]
    texts = [
        *(_Text(c, _line_place(n)) for c, n in captions if c.strip()),
        *(_Text(t, _line_place(n)) for n, t in head[:_HEAD_LINES] if t.strip()),
        *_lead_sentences(head),
    ]
    meta = _from_texts(texts)
    meta = _from_file_name(meta, file_name)
    if meta.kind == RESOLUTION and meta.term is None:
        # a congress resolution that names its term only in passing: "trong nhiệm kỳ 2025-2030"
        term = next((t for piece in texts if (t := _party_term(_key(piece.text)))), None)
        meta = replace(meta, term=term) if term else meta
    meta = _with_defaults(meta)
    return apply_hints(meta, hints) if hints else meta


def _line_place(number: int | None) -> str:
    return f"dòng {number}" if number else "tiêu đề bảng"


def _lead_sentences(head: list[tuple[int, str]]) -> Iterator[_Text]:
    count = 0
    for number, text in head[_HEAD_LINES:]:
        for sentence in re.split(r"(?<=[.;!?])\s+", text):
            if count >= _LEAD_SENTENCES:
                return
            if sentence.strip():
                count += 1
                yield _Text(sentence, _line_place(number))


def _from_texts(texts: list[_Text]) -> PlanMeta:
    meta = PlanMeta()
    for piece in texts:
        meta = _fill(meta, piece)
    meta = _as_written_elsewhere(meta, texts)
    if (kind := _read_kind(texts, meta.issuer_body)) is None:
        return meta
    name, extra, where = kind
    found = {**dict(meta.found_in), "kind": where}
    extra = {key: value for key, value in extra.items() if key != "term" or meta.term is None}
    return replace(meta, kind=name, **extra, found_in=tuple(found.items()))  # type: ignore[arg-type]


def _party_term(folded: str) -> tuple[int, int] | None:
    """A five-year "nhiệm kỳ A - B" not of a People's Council (its sentence names none)."""
    for match in _TERM.finditer(folded):
        sentence = re.split(r"[.;!?]\s", folded[max(0, match.start() - 120) : match.start()])[-1]
        first, last = int(match.group(1)), int(match.group(2))
        if last - first == 5 and not any(word in sentence for word in _COUNCIL):
            return first, last
    return None


def _read_kind(
    texts: list[_Text], issuer_body: str | None
) -> tuple[str, dict[str, object], str] | None:
    """The plan's kind: what the title says, else what the body says of the plan itself
    (not "tiền đề cho kế hoạch 5 năm …"), else a target year or span its opening names.
    A five-year plan's span is the one its texts name most ("5 năm 2025 - 2030" in a
    headline against "2026-2030" twice in the resolution)."""
    spans = Counter(span for t in texts for span in _five_year_spans(_key(t.text)))
    title = next((t for t in texts if t.text.strip()), None)
    ordered = [title] if title is not None else []
    ordered += [t for t in texts if t is not title]
    for weak in (False, True):
        for piece in ordered:
            kind = _kind(_key(piece.text), issuer_body, weak=weak or piece is title)
            if kind is None:
                continue
            name, extra = kind
            if name == FIVE_YEAR_PLAN and spans and "term" in extra:
                extra = {"term": spans.most_common(1)[0][0]}
            return name, extra, piece.where
    return None


def _key(text: str) -> str:
    return fold(nfc(text))


def _kind(
    folded: str, issuer_body: str | None, *, weak: bool
) -> tuple[str, dict[str, object]] | None:
    """The kind a text states. `weak` also reads a news headline's "chỉ tiêu … năm 2026"
    (an annual plan) and a council's "mục tiêu … giai đoạn 2026-2030" (a five-year plan)."""
    if (match := _ANNUAL.search(folded)) and not _about_another_plan(folded, match.start()):
        return ANNUAL_PLAN, {"year": int(match.group(1))}
    if spans := _five_year_spans(folded):
        return FIVE_YEAR_PLAN, {"term": spans[0]}
    if (_CONGRESS_WORD in folded and _TERM.search(folded)) or _REPORT_WORDS in folded:
        return RESOLUTION, {}
    if not weak or not any(cue in folded for cue in _TARGET_CUES):
        return None
    years = [
        int(m.group(1))
        for m in _TARGET_YEAR.finditer(folded)
        if not _about_another_plan(folded, m.start())
    ]
    if years:
        return ANNUAL_PLAN, {"year": max(years)}
    if issuer_body in ("hdnd", "ubnd") and (span := _SPAN.search(folded)):
        return FIVE_YEAR_PLAN, {"term": (int(span.group(1)), int(span.group(2)))}
    return None


def _five_year_spans(folded: str) -> list[tuple[int, int]]:
    return [
        (int(m.group(1)), int(m.group(2)))
        for m in _FIVE_YEAR.finditer(folded)
        if not _about_another_plan(folded, m.start())
    ]


def _about_another_plan(folded: str, start: int) -> bool:
    """ "tiền đề cho kế hoạch …", "đánh giá thực hiện kế hoạch …": a plan named in passing."""
    before = folded[max(0, start - 40) : start]
    return any(word in before for word in _IN_PASSING)


def _fill(meta: PlanMeta, piece: _Text) -> PlanMeta:
    """The issuer, place and congress term `piece` names, where still unknown."""
    found = dict(meta.found_in)
    changes: dict[str, object] = {}
    if meta.issuer is None and (body := _issuing_body(piece.text)) is not None:
        body_code, level, place = body
        changes.update(
            issuer_body=body_code,
            issuer=f"{BODY_WORDS[body_code]} {LEVEL_WORDS[level]} {place}",
            level=meta.level or level,
            place=meta.place or place,
        )
        found.setdefault("issuer", piece.where)
        if not meta.title:
            changes["title"] = " ".join(piece.text.split())
    if (meta.place is None and "place" not in changes) and (where := _place(piece.text)):
        changes.update(level=meta.level or where[0], place=where[1])
        found.setdefault("locality", piece.where)
    if meta.term is None and (term := congress_term(_key(piece.text))):
        changes["term"] = term
        found.setdefault("term", piece.where)
    if not changes:
        return meta
    return replace(meta, **changes, found_in=tuple(found.items()))  # type: ignore[arg-type]


def _as_written_elsewhere(meta: PlanMeta, texts: list[_Text]) -> PlanMeta:
    """A place read from capitals ("TỈNH KIM SƠN PHÁT TRIỂN XANH") runs on into the words
    after it; where the document also writes it in title case ("Tỉnh ủy Kim Sơn ban hành"),
    that shorter spelling shows where the name ends."""
    if not meta.place or len(meta.place.split()) < _SHORT_NAME + 1:
        return meta
    head = " ".join(meta.place.split()[:_SHORT_NAME])
    for piece in texts:
        text = nfc(piece.text)
        for match in re.finditer(rf"(?<!\w){re.escape(head)}(?!\w)", text):
            written = _place_words(text, match.start())
            if written and meta.place.startswith(written) and written != meta.place:
                issuer = meta.issuer.replace(meta.place, written) if meta.issuer else None
                return replace(meta, place=written, issuer=issuer)
    return meta


def _aligned(text: str) -> str:
    """`fold` letter by letter, so that an offset in the result is one in `text` (NFC).

    >>> _aligned("ĐẢNG BỘ  TỈNH")
    'đang bô  tinh'
    """
    return "".join(" " if ch.isspace() else (fold(ch) or ch)[:1] for ch in text)


def _issuing_body(text: str) -> tuple[str, str, str] | None:
    """(body, level, place) of the first body named with its place, not as a person's title."""
    text = nfc(text)
    folded = _aligned(text)
    for match in _BODY_PLACE.finditer(folded):
        if _is_person_title(folded[max(0, match.start() - 25) : match.start()]):
            continue
        if not _is_level_word(text, match):
            continue
        place = _place_words(text, match.start("rest"))
        if place:
            return _BODY_CODES[match.group("body")], _LEVEL_CODES[match.group("level")], place
    return None


def _is_person_title(before: str) -> bool:
    """ "Chủ tịch UBND tỉnh …", "đại biểu HĐND tỉnh …" name a person; "Đại hội đại biểu
    Đảng bộ tỉnh …" names the congress."""
    if any(title in before for title in _PERSON_TITLES):
        return True
    return before.rstrip().endswith(_DELEGATE) and not before.rstrip().endswith(_CONGRESS_OF)


def _place(text: str) -> tuple[str, str] | None:
    """(level, place) of the first "tỉnh X" / "xã X" the text names."""
    text = nfc(text)
    folded = _aligned(text)
    for match in _PLACE_ONLY.finditer(folded):
        if match.start() > 0 and folded[match.start() - 1].isalpha():
            continue
        if not _is_level_word(text, match):
            continue
        place = _place_words(text, match.start("rest"))
        if place:
            return _LEVEL_CODES[match.group("level")], place
    return None


def _is_level_word(text: str, match: re.Match[str]) -> bool:
    """The level word as written, tone marks and all: "tỉnh", not the "Tĩnh" ending a place's name."""
    written = text[match.start("level") : match.end("level")]
    return written.lower().rstrip(".") in _LEVEL_SPELLINGS


def _place_words(text: str, start: int) -> str | None:
    """The capitalised words of `text` from `start` (folding keeps offsets: NFC in, NFC out).

    >>> _place_words("ĐẢNG BỘ TỈNH KIM SƠN LẦN THỨ NHẤT", 13)
    'Kim Sơn'
    >>> _place_words("HĐND tỉnh Bắc Lâm khóa XVIII đã thông qua", 10)
    'Bắc Lâm'
    """
    words: list[str] = []
    for raw in text[start:].split():
        if raw.startswith("("):
            break  # "đặc khu Hòn Ngọc (Kim Sơn)": the province in brackets
        word = raw.strip(",.;:()\"'“”")
        if not word or word.lower() in _PLACE_STOPS or not word[0].isupper():
            break
        if not word.replace("-", "").isalpha():
            break
        if len(words) >= 2 and word in _SURNAMES:
            break  # "tỉnh Kim Sơn Trần Văn A": a person's name follows the place
        words.append(word)
        if len(words) == _MAX_PLACE_WORDS or raw[-1] in ",.;:)":
            break
    return " ".join(w.capitalize() for w in words) or None


def congress_term(folded: str) -> tuple[int, int] | None:
    """ "Đại hội … nhiệm kỳ 2025 - 2030" (tone-folded), not a People's Council's
    "khóa X, nhiệm kỳ 2021 - 2026"."""
    for match in _TERM.finditer(folded):
        # the same sentence, close before: "Ban Chấp hành … có 55 người. Trong nhiệm kỳ
        # 2021-2026 …" is not a congress term
        before = re.split(r"[.;!?]\s", folded[max(0, match.start() - 120) : match.start()])[-1]
        council = max(before.rfind(word) for word in _COUNCIL)
        congress = max(before.rfind(word) for word in _CONGRESS)
        if congress > council:
            return int(match.group(1)), int(match.group(2))
    return None


def _from_file_name(meta: PlanMeta, file_name: str) -> PlanMeta:
    """Years and kind from a name such as "nghi-quyet-dai-hoi-2025-2030.pdf"."""
    stem = fold(PurePath(file_name).stem).replace("_", "-") if file_name else ""
    if not stem:
        return meta
    found = dict(meta.found_in)
    changes: dict[str, object] = {}
    if meta.kind is None:
        if "ke-hoach" in stem:
            changes["kind"] = FIVE_YEAR_PLAN if _FILE_SPAN.search(stem) else ANNUAL_PLAN
        elif "dai-hoi" in stem:
            changes["kind"] = RESOLUTION
        if "kind" in changes:
            found.setdefault("kind", "tên tệp")
    if meta.term is None and meta.year is None:
        if span := _FILE_SPAN.search(stem):
            changes["term"] = (int(span.group(1)), int(span.group(2)))
            found.setdefault("term", "tên tệp")
        elif (year := _FILE_YEAR.search(stem)) and changes.get("kind", meta.kind) == ANNUAL_PLAN:
            changes["year"] = int(year.group(1))
            found.setdefault("year", "tên tệp")
    if not changes:
        return meta
    return replace(meta, **changes, found_in=tuple(found.items()))  # type: ignore[arg-type]


def _with_defaults(meta: PlanMeta) -> PlanMeta:
    """A Party body's plan with a term is its congress resolution."""
    if meta.kind is None and meta.issuer_body == "dang_bo" and meta.term is not None:
        return replace(meta, kind=RESOLUTION)
    return meta


def apply_hints(meta: PlanMeta, hints: PlanHints) -> PlanMeta:
    """A person's word wins over what was read."""
    found = dict(meta.found_in)
    changes: dict[str, object] = {}
    for field, value in (
        ("kind", hints.kind),
        ("level", hints.level),
        ("place", hints.locality),
        ("issuer", hints.issuer),
        ("term", hints.term),
        ("year", hints.year),
    ):
        if value is not None:
            changes[field] = value
            found["locality" if field == "place" else field] = "tùy chọn"
    if hints.issuer is not None:
        changes["issuer_body"] = body_of(hints.issuer)
    if hints.year is not None and hints.kind is None and meta.kind is None:
        changes["kind"] = ANNUAL_PLAN
    return replace(meta, **changes, found_in=tuple(found.items()))  # type: ignore[arg-type]


def body_of(issuer: str) -> str | None:
    """The body code of an issuer as written ("HĐND tỉnh X" -> "hdnd").

    >>> body_of("Hội đồng nhân dân tỉnh Kim Sơn"), body_of("Sở Tài chính")
    ('hdnd', None)
    """
    folded = fold(issuer)
    return next((code for word, code in _BODY_CODES.items() if folded.startswith(word)), None)


def locality_of(meta: PlanMeta) -> str:
    """The place's locality code: "kim_son" for a province or city, "xa_tan_phu" below it.

    >>> locality_of(PlanMeta(level="xa", place="Tân Phú")), locality_of(PlanMeta(place="Kim Sơn"))
    ('xa_tan_phu', 'kim_son')
    """
    if not meta.place:
        return ""
    prefix = f"{LEVEL_WORDS[meta.level]} " if meta.level in ("xa", "phuong", "dac_khu") else ""
    return slug(f"{prefix}{meta.place}")


def slug(text: str) -> str:
    """ASCII words joined by "_": "Đặc khu Phú Quốc" -> "dac_khu_phu_quoc"."""
    folded = fold(text).replace("đ", "d")
    ascii_text = unicodedata.normalize("NFD", folded).encode("ascii", "ignore").decode()
    return "_".join(re.findall(r"[a-z0-9]+", ascii_text))


def plan_code(meta: PlanMeta, *, file_name: str) -> str:
    """<place>_<A>_<B> for a resolution, <place>_kh_<A>_<B> for a five-year plan,
    <place>_<year> for an annual plan; the file's name stands in for an unknown place
    (examples in tests/ingest/test_plan_meta.py).
    """
    base = locality_of(meta) or slug(PurePath(file_name).stem) or "ke_hoach"
    years = meta.years
    if years is None:
        return base
    if meta.kind == ANNUAL_PLAN or years[0] == years[1]:
        return f"{base}_{years[1]}"
    infix = "_kh" if meta.kind == FIVE_YEAR_PLAN else ""
    return f"{base}{infix}_{years[0]}_{years[1]}"


def describe(meta: PlanMeta) -> str:
    """A plain name from what is known: "Kế hoạch phát triển kinh tế - xã hội năm 2026 - tỉnh X"."""
    if meta.kind is None:
        return ""
    years = meta.years
    label = KIND_LABELS[meta.kind]
    if meta.kind == ANNUAL_PLAN:
        label += f" {years[1]}" if years else ""
    elif years:
        label += f" {years[0]} - {years[1]}" if meta.kind == FIVE_YEAR_PLAN else ""
        label += f", nhiệm kỳ {years[0]} - {years[1]}" if meta.kind == RESOLUTION else ""
    if meta.place:
        label += f" - {LEVEL_WORDS.get(meta.level or '', '')} {meta.place}".replace("  ", " ")
    return label


def plan_from_meta(meta: PlanMeta, *, document: str, name: str, code: str | None) -> Plan:
    years = meta.years
    return Plan(
        code=code or plan_code(meta, file_name=document),
        name=name,
        issuer=meta.issuer or "",
        term_start=years[0] if years else None,
        term_end=years[1] if years else None,
        document=document,
        kind=meta.kind or "",
        locality=locality_of(meta),
        level=meta.level or "",
        place=meta.place or "",
    )


def plan_gaps(plan: Plan) -> tuple[str, ...]:
    """What the document did not say about its plan, each with the option that gives it."""
    gaps = []
    if not plan.kind:
        gaps.append(
            "Chưa xác định loại kế hoạch (nghị quyết đại hội, kế hoạch năm, kế hoạch 5 năm): "
            "dùng --kind resolution|annual_plan|five_year_plan."
        )
    if not plan.issuer:
        gaps.append(
            'Văn bản không nêu cơ quan ban hành: dùng --issuer "Hội đồng nhân dân tỉnh …" '
            '(hoặc "Đảng bộ …", "Ủy ban nhân dân …").'
        )
    if not plan.place:
        gaps.append('Chưa xác định địa phương: dùng --locality "tên địa phương" --level tinh|…')
    elif not plan.level:
        gaps.append(
            "Chưa xác định cấp của địa phương: dùng --level tinh|thanh_pho|xa|phuong|dac_khu."
        )
    if plan.term_start is None:
        gaps.append(
            "Chưa xác định nhiệm kỳ hoặc năm kế hoạch: dùng --term <năm đầu>-<năm cuối> hoặc --year <năm>."
        )
    return tuple(gaps)


def same_issuer(first: str, second: str) -> bool:
    """Whether two spellings name one body ("HĐND TP X" and "Hội đồng nhân dân thành phố X").

    >>> same_issuer("HĐND tỉnh Kim Sơn", "Hội đồng nhân dân tỉnh Kim Sơn")
    True
    """
    return _canonical(first) == _canonical(second)


def same_place(first: str, second: str) -> bool:
    """Whether two spellings name one place, with or without its level ("đặc khu X" and "X")."""
    return _without_level(_canonical(first)) == _without_level(_canonical(second))


def _canonical(text: str) -> str:
    folded = f" {fold(text)} ".replace(".", ". ")
    for short, full in _ABBREVIATIONS:
        folded = folded.replace(f" {short} ", f" {full} ")
    return " ".join(folded.replace(". ", " ").split())


def _without_level(text: str) -> str:
    for word in sorted(_LEVEL_CODES, key=len, reverse=True):
        if text.startswith(f"{word} "):
            return text[len(word) + 1 :]
    return text


_ABBREVIATIONS = tuple(
    (fold(short), fold(full))
    for short, full in (
        ("HĐND", "Hội đồng nhân dân"),
        ("UBND", "Ủy ban nhân dân"),
        ("TP.", "thành phố"),
        ("TP", "thành phố"),
        ("P.", "phường"),
    )
)
