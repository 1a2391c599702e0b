"""The patterns rewritten for speed match exactly what their plain forms match."""

from __future__ import annotations

import random
import re

import pytest

from bot.core import chat as chat_module
from bot.core import cleaning, folding, lists
from bot.core.analysis import Analyzer
from bot.core.calculations.base import _questions
from bot.core.calculations.cues import counted, cue_pattern
from bot.core.cost import alternation
from bot.core.engine import Engine
from bot.core.french import _STRETCHED, _TOKEN, LONG_TEXT, _fold, fold, words
from bot.core.knowledge import Knowledge
from bot.core.mentions import UNSTATED_REACH
from bot.core.phrases import any_phrase, flexible, phrase_trie, written_forms
from bot.core.references import _ANNEX, _ARTICLE, _BARE, _SPOKEN

TEXTS = [
    "la resiliation de la convention par le cdg 62, resilier ou mettre fin ; mise en demeure",
    "resiliations,resilier-resil 3resilier aresilier _resilier l'resilier mis mise mises",
    "de d' de-la ded'de a b ab abc a b c",
    "",
    "peut-on resilier ? met-on fin, a-t-il signe, dit-elle, 62-on, -on, x-t-il, Peut-ON",
]
CUES = [
    ["résiliation", "resilier", "mettre fin", "mise en demeure", "mis"],
    ["de", "d'"],
    ["ab", "abc", "a b", "a"],
    ["a", ""],
    [],
]


def plain_cue_pattern(cues: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z0-9])(?:" + alternation(cues) + ")")


@pytest.mark.parametrize("cues", CUES)
@pytest.mark.parametrize("text", TEXTS)
def test_cue_pattern_matches_as_its_plain_alternation(cues: list[str], text: str) -> None:
    fast, plain = cue_pattern(cues), plain_cue_pattern(cues)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for position in range(len(text) + 1):
        found, expected = fast.search(text, position), plain.search(text, position)
        assert (found and found.span()) == (expected and expected.span())


def test_the_knowledge_cue_patterns_match_as_their_plain_alternations(knowledge: Knowledge) -> None:
    words = knowledge.calculations
    lists = [spec.cues for spec in words.date_roles.values()] + [spec.cues for spec in words.parties.values()]
    lists += [words.termination_words, words.compensation_words, words.interest_words, words.unsigned_words]
    for cues in lists:
        for text in TEXTS:
            expected = [m.span() for m in plain_cue_pattern(cues).finditer(text)]
            assert [m.span() for m in cue_pattern(cues).finditer(text)] == expected


@pytest.mark.parametrize("text", TEXTS)
def test_inverted_subjects_are_found_as_with_a_look_behind_first(text: str) -> None:
    subjects = ("elles", "elle", "il", "on")
    analyzer = Analyzer((), inverted_subjects=subjects)
    plain = re.compile(r"(?<=\w)-(?:t-)?(?:elles|elle|il|on)\b", re.IGNORECASE)
    assert analyzer._inversion is not None
    assert analyzer._inversion.sub(" ", text) == plain.sub(" ", text)
    assert [m.span() for m in analyzer._inversion.finditer(text)] == [m.span() for m in plain.finditer(text)]


LONG_TEXTS = [
    "Résiliation ŒUVRE œuvre Straße ﬁn ① ½ ㎏ É́ a \u0301b  c\u00a0d\u202fe ’ ` ´ ΣΑΣ ς İ ǅ Å 가 \u1100 \u1161 ",
    "x \u0345 \u0f71\u0f72 \u3099 \u00a8 \u00b4 " * 3,
]


@pytest.mark.parametrize("text", LONG_TEXTS)
def test_a_long_text_is_folded_word_by_word_as_a_whole(text: str) -> None:
    long = (text * 20)[: LONG_TEXT + 200]
    assert len(long) > LONG_TEXT
    assert fold(long) == _fold(long)


def test_a_space_never_joins_or_splits_a_character_when_folding() -> None:
    """Why a long text may be folded word by word: next to U+0020, every code point folds alike."""
    for code in [*range(0x3000), *range(0xAC00, 0xAC40), *range(0xFB00, 0xFB50), *range(0x1D400, 0x1D420)]:
        if 0xD800 <= code <= 0xDFFF:
            continue
        character = chr(code)
        for text in (f"{character} {character}", f"{character} \u0301", f"\u0301 {character}", f"a {character}"):
            assert " ".join(_fold(word) for word in text.split(" ")) == _fold(text), hex(code)


@pytest.mark.parametrize("text", LONG_TEXTS)
def test_a_long_text_is_tokenized_word_by_word_as_a_whole(text: str) -> None:
    long = (text + " ouiiii 4.2.1, 87,50 cdg62 l'article ") * 10
    assert len(long) > LONG_TEXT
    assert words(long) == _TOKEN.findall(_STRETCHED.sub(r"\1", _fold(long)))


REFERENCE_TEXTS = [
    "article 5.2, art. 6, art n° 4.2.1, l'article 12, partie 3, _art 5, article5, smart 4, lart 5, ARTICLE 4",
    "annexe 2, annexes n°3, annex 1, l'annexe no 2, mannexe 2",
    "l'annexe trois, article premier, art cinq, l'article n° huit, smart deux, mannexe un, annexe-un, article deux-cents",
    "4.2.1. 4.2.1.5 1.2 12.12.12 x4.2 -4.2 v.4.2 4.2, 4.2- 4.2/ 3.4. 123.4 1.234 le 15.03.2025",
]
PLAIN_REFERENCES = [
    (_ARTICLE, r"\b(?:article|art)\s*\.?\s*(?:n\s*°?\s*)?(\d+(?:\.\d+)*)"),
    (_ANNEX, r"\bannexe?s?\s*(?:n\s*°?\s*|no\s*)?(\d+)"),
    (_SPOKEN, r"\b(?:art(?:icle)?|(annex)e?)\s+(?:n\s*°?\s*|numero\s+)?([a-z]+)(?![\w'-])"),
    (_BARE, r"(?<![\d/.,-])(\d{1,2}(?:\.\d{1,2}){1,2})\.?(?![\d/,-]|\.\d)"),
]


@pytest.mark.parametrize(("fast", "plain"), PLAIN_REFERENCES)
@pytest.mark.parametrize("text", REFERENCE_TEXTS)
def test_reference_patterns_match_as_their_plain_forms(fast: re.Pattern[str], plain: str, text: str) -> None:
    text = fold(text)
    expected = [(m.span(), m.groups()) for m in re.finditer(plain, text)]
    assert [(m.span(), m.groups()) for m in fast.finditer(text)] == expected


def _phrase_texts(forms: set[str], seed: int) -> list[str]:
    """Texts of phrases whole, cut, run together, glued to a letter, in capitals, among marks and other words."""
    pieces = [*sorted(forms), *(form[: len(form) // 2] for form in sorted(forms)), "x", "_", "1", " ", "  ", "-"]
    pieces += ["'", "’", "?", ".", ",", "\n", "ÉTÉ", "é", "Je Lui", "QUOI", "ſ", "\u212a"]
    generator = random.Random(seed)  # the same strings in every run
    return ["".join(generator.choice(pieces) for _ in range(generator.randint(1, 6))) for _ in range(1_000)]


@pytest.mark.parametrize("folded", [True, False])
def test_phrase_tries_match_where_their_plain_alternations_match(knowledge: Knowledge, folded: bool) -> None:
    reading = knowledge.reading
    lists = [reading.asking_phrases, reading.listing_openers, reading.relay_closings, reading.request_openers]
    for phrases in lists:
        forms = {fold(p).strip() for p in phrases if p.strip()} if folded else written_forms(phrases)
        alternation = "|".join(flexible(form, folded=folded) for form in sorted(forms, key=len, reverse=True))
        flags = 0 if folded else re.IGNORECASE
        plain = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", flags)
        fast = re.compile(rf"{phrase_trie(forms, folded=folded)}(?!\w)", flags)
        found = 0
        for text in _phrase_texts(forms, len(forms)):
            text = fold(text) if folded else text
            for position in range(len(text) + 1):
                match, expected = fast.search(text, position), plain.search(text, position)
                assert (match and match.start()) == (expected and expected.start()), (text, position)
            found += bool(plain.search(text))
        assert found > 100  # the texts hold many phrases


def test_relay_closings_are_dropped_as_with_their_plain_alternation(engine: Engine) -> None:
    phrases, reasons = engine.knowledge.reading.relay_closings, engine.knowledge.reading.reason_words
    reason = rf"(?:[ \t]*,[ \t]*(?<!\w)(?:{any_phrase(reasons)})(?!\w)[^?!.\n]*)?"
    plain = re.compile(
        rf"[\s,:;.!–-]*(?<!\w)(?:{any_phrase(phrases)})(?!\w){reason}[ \t]*(?=[?!.]|$)", re.IGNORECASE | re.MULTILINE
    )
    texts = [text + end for text in _phrase_texts(written_forms(phrases), 3) for end in ("", " ?", ".\nx")]
    # Runs of the marks taken back before a closing (`without_relays`), one closing after another.
    generator = random.Random(5)
    marks = [",", ":", ";", ".", "!", "–", "-", " ", "\t", "\n", "\u00a0", "\u2009", "x", "?"]
    texts += [
        "".join(generator.choice(marks) for _ in range(generator.randint(0, 4))) + text
        for text in _phrase_texts(written_forms(phrases), 4)
        for text in (text, text + " " + text)
    ]
    assert sum(plain.search(text) is not None for text in texts) > 300
    for text in texts:
        assert engine.reader.chat.without_relays(text) == plain.sub("", text), text


def test_noise_is_found_as_with_a_class_of_invisible_characters_first() -> None:
    plain = re.compile(
        r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]|\x1b\[[0-9;?]*[ -/]*[@-~]|</?[a-zA-Z][^<>]{0,80}>|https?://\S+"
    )
    pieces = ["\u200a", "\u200b", "\u200f", "\u2010", "\u202e", "\u2064", "\u2065", "\ufeff", "\x1b[", "31m", "<", "b>"]
    pieces += ["</", "a", " ", "http", "s", "://", "x.fr", "<br/>", "h", ">", "\x1b", "[0;1", "?"]
    generator = random.Random(13)
    for _ in range(5_000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 10)))
        assert cleaning._NOISE.sub(" ", text) == plain.sub(" ", text), repr(text)
        assert [m.span() for m in cleaning._NOISE.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_provider_speaking_is_found_as_with_the_start_as_an_alternative(engine: Engine) -> None:
    slots = [
        ["", "x", "mairie ", "ok. ", "ok.", "oui:", "a, ", "\n", "bonjour ! "],
        ["au ", "a ", "chez ", "ici ", "ax ", "", "au  "],
        ["cdg", "la fibre", "fibre numerique", "mairie", ""],
        ["", " 62", " 59 62", "s"],
        ["", ",", " ,", "."],
        [" nous", "nous", " nousx", " vous", " nous."],
    ]
    generator = random.Random(17)
    texts = ["".join(generator.choice(slot) for slot in slots) * generator.randint(1, 2) for _ in range(5_000)]
    for start, after in engine.calculations.dates.cues.speaker.values():
        plain = re.compile(rf"(?:^|[.!?:,;]\s*){start.pattern}")
        assert sum(bool(plain.search(text)) for text in texts) > 100
        for text in texts:
            assert bool(start.match(text) or after.search(text)) == bool(plain.search(text)), text


def test_a_cue_pattern_finds_in_a_text_like_the_last_one_what_a_whole_search_finds(knowledge: Knowledge) -> None:
    words = knowledge.calculations
    lists = [words.termination_words, words.compensation_words, words.interest_words, ["de", "d'", "a", ""], []]
    pieces = ["resiliation ", "dommages et interets ", "interet", "s de retard ", "de ", "d'", "a", "x", " ", ". "]
    pieces += ["mettre fin", " au contrat", "resil", "indemnis", "compens", "dommage", "9", "_"]
    generator = random.Random(23)
    contexts = ["".join(generator.choice(pieces) for _ in range(generator.randint(0, 12))) for _ in range(200)]
    for cues in lists:
        pattern = cue_pattern(cues)
        for context in contexts:
            for _ in range(4):  # one context, several questions after it (and the same text again)
                text = context + "".join(generator.choice(pieces) for _ in range(generator.randint(0, 4)))
                expected = pattern.compiled.search(text)
                found = pattern.search(text)
                assert (found and found.span()) == (expected and expected.span()), (cues, text)


def test_a_cue_pattern_finds_in_a_text_after_the_shared_context_what_a_whole_search_finds(knowledge: Knowledge) -> None:
    """The context a message's questions share (folding.share_start) is searched once: whatever texts are searched
    in between (a question alone, a clause), each text that starts with it finds what a whole search finds."""
    words = knowledge.calculations
    lists = [words.termination_words, words.compensation_words, words.interest_words, ["de", "d'", "a", ""]]
    pieces = ["resiliation ", "dommages et interets ", "interet", "s de retard ", "de ", "d'", "a", "x", " ", ". "]
    pieces += ["mettre fin", " au contrat", "resil", "indemnis", "compens", "dommage", "9", "_"]
    generator = random.Random(31)
    try:
        for cues in lists:
            pattern = cue_pattern(cues)
            for _ in range(150):
                context = " ".join("".join(generator.choice(pieces) for _ in range(6)).split())
                folding.share_start(context)
                for _ in range(4):  # one context, several questions after it, other texts searched in between
                    between = context[: generator.randint(0, len(context))] + generator.choice(pieces)
                    expected = pattern.compiled.search(between)  # a text in between: its own start, not the context
                    found = pattern.search(between)
                    assert (found and found.span()) == (expected and expected.span()), (cues, between)
                    rest = " ".join("".join(generator.choice(pieces) for _ in range(generator.randint(1, 4))).split())
                    text = f"{folding.folded(context)} {rest}"
                    expected = pattern.compiled.search(text)
                    found = pattern.search(text)
                    assert (found and found.span()) == (expected and expected.span()), (cues, text)
    finally:
        folding.share_start("")


def test_a_counted_list_is_announced_as_without_its_class_ahead(engine: Engine) -> None:
    announce = engine.reader.counted._announce
    plain = re.compile(announce.pattern.split("])", 1)[1], re.IGNORECASE)
    assert plain.pattern.startswith("(?<!")
    pieces = ["deux", "TROIS", "Quatre", "2", "5", " questions", " points", " x", " :", ": ", "l'", "a", " ", "cinq"]
    generator = random.Random(29)
    texts = ["".join(generator.choice(pieces) for _ in range(generator.randint(1, 9))) for _ in range(5_000)]
    assert sum(bool(plain.search(text)) for text in texts) > 50
    for text in texts:
        found, expected = announce.search(text), plain.search(text)
        assert (found and (found.span(), found.groups())) == (expected and (expected.span(), expected.groups())), text


def test_spoken_elisions_are_found_as_with_a_look_behind_first() -> None:
    plain = re.compile(r"(?<![\w'’])([bdfgjlmnpqrstvz])['’](?=[bcdfgjklmnpqrstvwxzç])", re.IGNORECASE)
    letters = {"D": "De ", "d": "de ", "l": "le ", "j": "je ", "T": "Te ", "r": "re", "V": "Ve", "z": "ze"}

    def unelided(match: re.Match[str]) -> str:
        return letters.get(match.group(1), f"{match.group(1)}e")

    pieces = [
        "d'",
        "D’",
        "l'",
        "j'",
        "T'",
        "r'",
        "V’",
        "z'",
        "a",
        "e",
        "h",
        "x",
        "'",
        "’",
        " ",
        "_",
        "1",
        "é",
        "Ç",
        "ç",
    ]
    generator = random.Random(31)
    texts = ["".join(generator.choice(pieces) for _ in range(generator.randint(1, 9))) for _ in range(20_000)]
    assert sum(bool(plain.search(text)) for text in texts) > 3_000
    for text in texts:
        assert cleaning._SPOKEN_ELISION.sub(cleaning._unelided, text) == plain.sub(unelided, text), text


def test_counted_items_are_found_as_with_a_look_behind_first(engine: Engine) -> None:
    words = engine.knowledge.reading.sequence_words
    start = r"(?:^|(?<=[.;:!?\n])|(?<=,)(?=\s*et\s))"
    plain = re.compile(rf"{start}\s*(?:et\s+)?(?:{any_phrase(words)})(?![\w'’])[\s,:]*", re.IGNORECASE)
    sequence = engine.reader._sequence
    pieces = [*sorted(written_forms(words))[:12], ". ", ";", ":", "!", "?", "\n", ",", " et ", "ET ", " ", "x", "é"]
    generator = random.Random(37)
    texts = ["".join(generator.choice(pieces) for _ in range(generator.randint(1, 10))) for _ in range(5_000)]
    assert sum(len(plain.findall(text)) > 1 for text in texts) > 300
    for text in texts:
        assert sequence._items(text) == [m.span() for m in plain.finditer(text)], text


def test_request_openers_are_tried_where_every_sentence_start_and_greeting_would_try_them(engine: Engine) -> None:
    chat = engine.reader.chat
    openers = chat._openers

    def plain_tidy(text: str) -> str:
        kept, end = [], 0
        for start in chat_module._SENTENCE_START.finditer(text):
            for position in sorted({start.end(), chat_module._GREETING.match(text, start.end()).end()}):
                if position >= end and (opener := openers.match(text, position)):
                    kept.append(text[end:position])
                    end = chat._after_opener.match(text, opener.end()).end()
        return "".join([*kept, text[end:]]) if kept else text

    pieces = [*sorted(written_forms(engine.knowledge.reading.request_openers))[:20], "Bonjour Marie", "Bonjour", ", "]
    pieces += [",", ". ", "? ", "\n", " ", "si ", "la durée ?", "x", "É", "1", "Tu", "DITES-MOI"]
    generator = random.Random(43)
    texts = ["".join(generator.choice(pieces) for _ in range(generator.randint(1, 8))) for _ in range(5_000)]
    assert sum(plain_tidy(text) != text for text in texts) > 1_000

    def plain_without_opener(sentence: str) -> str:
        for position in sorted({0, chat_module._GREETING.match(sentence).end()}):
            if opener := openers.match(sentence, position):
                return sentence[:position] + sentence[chat._after_opener.match(sentence, opener.end()).end() :]
        return sentence

    for text in texts:
        assert chat.tidy(text) == plain_tidy(text), text
        assert chat.without_opener(text) == plain_without_opener(text), text


def test_unstated_facts_are_found_as_when_each_fact_is_searched(engine: Engine) -> None:
    mentions = engine.mentions

    def plain(question: str) -> str:
        folded = fold(question)
        for asks, near, answer in mentions._unstated:
            for asked in asks.finditer(folded):
                if near.search(folded[max(0, asked.start() - UNSTATED_REACH) : asked.end() + UNSTATED_REACH]):
                    return answer
        return ""

    facts = engine.knowledge.reading.unstated_facts
    pieces = [*(p for fact in facts for p in (*fact.asks, *fact.near)), "x", " ", "la convention", "?", "É", "-"]
    generator = random.Random(47)
    texts = [" ".join(generator.choice(pieces) for _ in range(generator.randint(1, 6))) for _ in range(3_000)]
    assert sum(bool(plain(text)) for text in texts) > 500
    for text in texts:
        assert mentions.unstated(text) == plain(text), text


COUNTS = [
    "2 interventions, 3 fois, 12 deplacements, 1,5 fois, 3.2 fois, 123 fois, x2 fois, 02 fois",
    "10 demi-journees de 2 fois; 9 visites 99 fois 100 fois 7fois",
    "",
]


@pytest.mark.parametrize("text", COUNTS)
def test_a_count_before_a_visit_word_is_found_as_with_a_look_behind_first(knowledge: Knowledge, text: str) -> None:
    for nouns in (knowledge.calculations.repeat_words, knowledge.calculations.visit_words, ["fois"]):
        plain = re.compile(r"(?<![\d.,])(\d{1,2}) ?(?:" + cue_pattern(nouns).pattern + r")[a-z]*")
        found = [(m.span(), m.group(1)) for m in counted(nouns).finditer(text)]
        assert found == [(m.span(), m.group(1)) for m in plain.finditer(text)]


def test_asked_sentences_are_found_from_mark_to_mark_as_the_pattern_finds_them() -> None:
    plain = re.compile(r"(?<![^.!?])[^.!?]*+\?")
    rng = random.Random(12)
    texts = ["", "??", "a?b?", "?.?", "x\n?y", ".?", "quel prix ? merci. et le cdg ?"]
    texts += ["".join(rng.choice("ab .?!\n") for _ in range(rng.randrange(40))) for _ in range(3000)]
    for text in texts:
        assert _questions(text) == plain.findall(text)


def test_a_listing_holds_an_asking_phrase_so_none_is_searched_without_one(engine: Engine) -> None:
    cutter = engine.reader.cutter
    assert cutter._listing is not None
    asking = ["voudrais savoir", "pouvez-vous m'indiquer", "merci de me preciser", "je souhaite connaitre"]
    pieces = [*asking, "le tarif", "la duree", "d'une part", "premierement", ",", " ", "x", "savoirs", "-"]
    generator = random.Random(41)
    texts = [" ".join(generator.choice(pieces) for _ in range(generator.randint(1, 8))) for _ in range(5_000)]
    listed = [text for text in texts if cutter._listing.search(fold(text))]
    assert len(listed) > 100
    assert all(cutter._asking.search(fold(text)) for text in listed)


def test_inline_list_marks_are_found_as_with_a_look_behind_first() -> None:
    mark = r"\(?(?:(\d{1,2})(°?[)./-]|°)|([a-hA-H]|i{1,3}|iv|vi{0,3}|I{1,3}|IV|VI{0,3})(\)))\s+(?=\S)"
    plain = re.compile(rf"(?<![\w(.,/-]){mark}")
    pieces = [
        "a)",
        "(b)",
        "h)",
        "i)",
        "(ii)",
        "v)",
        "vi)",
        "IV)",
        "V)",
        "x)",
        "1.",
        "12)",
        "(3°",
        "1°)",
        "4/",
        "٣-",
        "7",
        "a",
    ]
    pieces += ["(", ")", ".", ",", "-", " ", " ", " ", "  ", "\n", "é", "_", "question"]
    generator = random.Random(47)
    texts = ["".join(generator.choice(pieces) for _ in range(generator.randint(1, 12))) for _ in range(20_000)]
    assert sum(bool(plain.search(text)) for text in texts) > 3_000
    for text in texts:
        found = [(m.span(), m.groups()) for m in lists._INLINE_MARK.finditer(text)]
        assert found == [(m.span(), m.groups()) for m in plain.finditer(text)], text


@pytest.mark.parametrize(
    "cues, whole, unless, text, found",
    [
        (
            ["reunion"],
            ["conseil"],
            [],
            "le conseil, le conseiller, les conseils, la reunionite",
            ["conseil", "reunionite"],
        ),
        (["resili"], [], ["jamais resiliee"], "jamais resiliee ; jamais resilier ; resiliee", ["resilier", "resiliee"]),
        (["resili"], [], ["pas ete resiliee"], "n'a pas ete resiliee, pas ete resiliees", ["resiliees"]),
        (["resili", "denonc"], [], ["non denoncee"], "non denoncee non resiliee", ["resiliee"]),
    ],
)
def test_a_cue_pattern_takes_whole_words_and_leaves_denials(
    cues: list[str], whole: list[str], unless: list[str], text: str, found: list[str]
) -> None:
    # `whole`: only the word itself; `unless`: no cue inside those phrases (folded as the cues are)
    pattern = cue_pattern(cues, whole, unless)
    assert [
        text[m.start() : re.search(r"[a-z]*", text[m.start() :]).end() + m.start()] for m in pattern.finditer(text)
    ] == found


# A reason given after a question's own words (reason_words) asks no fact the convention never gives; one before it
# ("Puisqu'…"), the coach ("le car scolaire") and a fact asked before the reason still do.
REASONS = [
    ("qui fait quoi entre le cdg et la fibre car on ne sait jamais qui appeler", False),
    ("les missions de chacun svp, parce qu'on ne sait jamais qui appeler", False),
    ("Quel est le numéro de l'assistance de La Fibre car le site est en panne ?", True),
    ("Le car scolaire est en retard : on ne sait jamais qui appeler", True),
    ("Puisqu'on ne sait jamais qui appeler, qui fait quoi ?", True),
]


@pytest.mark.parametrize(("text", "asked"), REASONS)
def test_a_reason_after_the_question_asks_no_unstated_fact(engine: Engine, text: str, asked: bool) -> None:
    assert bool(engine.mentions.unstated(text)) == asked


# A relay closing with the writer's reason after it ("…, sachant que je débute") is dropped whole: what comes before is
# the question; a closing followed by another question is no closing.
RELAYS = [
    (
        "Un élu demande si on peut résilier. Que dois-je lui répondre, sachant que je débute ?",
        "Un élu demande si on peut résilier?",
    ),
    (
        "Un élu demande si on peut résilier. Je lui réponds quoi, étant donné que je remplace ma collègue ?",
        "Un élu demande si on peut résilier?",
    ),
    ("Que dois-je lui répondre, et qui signe pour le CDG ?", "Que dois-je lui répondre, et qui signe pour le CDG ?"),
]


@pytest.mark.parametrize(("text", "kept"), RELAYS)
def test_a_relay_closing_is_dropped_with_the_reason_after_it(engine: Engine, text: str, kept: str) -> None:
    assert engine.reader.chat.without_relays(text) == kept
