"""The speed paths for long messages give the very floats of the plain Python they stand in for (not nearly:
equal), so that no answer or score moves (benchmarks/same_answers.py proves it on every tracked message)."""

from __future__ import annotations

import itertools
import math
import random
import re
from collections import Counter
from datetime import date

import pytest
from conftest import table

from bot.core import (
    classifier,
    context_terms,
    date_mentions,
    dense,
    matching,
    number_text,
    relative_dates,
    sentence_ends,
)
from bot.core.dense import numpy_loaded
from bot.core.engine import Engine
from bot.core.french import _STRETCHED, _TOKEN, LONG_TEXT, _fold, _fold_long, fold, words
from bot.core.matching import Candidate, Matcher
from bot.core.times_of_day import scanned

# Messages of every length, from one question to a forwarded e-mail of several paragraphs.
REALISTIC = [row["q"] for row in table("realistic.yaml")]
LONG = [" ".join(REALISTIC[start : start + count]) for start, count in ((0, 1), (3, 4), (10, 12), (40, 30))]


@pytest.mark.parametrize("text", LONG)
def test_numpy_weighs_the_rows_as_plain_python_does(engine: Engine, text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    model = engine.readings.classifier
    assert model is not None
    rows, values = model.vector(text, engine.matcher.question_terms(text))
    for count in (len(rows) * 3, classifier.FEW_ROWS, 30):  # hundreds of rows, some repeated; a question's few
        few, weights = (rows * 3)[:count], (values * 3)[:count]
        assert len(few) >= classifier.MANY_ROWS or (len(few) >= classifier.FEW_ROWS and numpy_loaded())
        fast = model._weigh(few, weights)
        monkeypatch.setattr(classifier, "MANY_ROWS", len(few) + 1)
        monkeypatch.setattr(classifier, "FEW_ROWS", len(few) + 1)
        assert fast == model._weigh(few, weights)
        monkeypatch.undo()


@pytest.mark.parametrize("text", LONG)
def test_numpy_adds_a_long_message_s_postings_as_plain_python_does(engine: Engine, text: str) -> None:
    matcher = engine.matcher
    terms = list(dict.fromkeys(matcher.question_terms(text)))
    for factor in (1.0, 0.2, 0.37):  # a term's own weight, its context share, a diluted weight
        weights = {term: matcher.weight(term) * factor for term in terms}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        present = [term for term in terms if term in matcher._postings or term in matcher._clause_postings]
        nearest, relevance = matcher._dense.sums(present, weights, norm)
        plain_nearest, plain_relevance = matcher._dense.plain_sums(present, weights, norm)
        assert any(plain_nearest.values()) and any(plain_relevance.values())
        assert nearest == {clause: plain_nearest.get(clause, 0.0) for clause in nearest}
        assert relevance == {clause: plain_relevance.get(clause, 0.0) for clause in relevance}
        assert set(plain_nearest) <= set(nearest) and set(plain_relevance) <= set(relevance)


@pytest.mark.parametrize("text", LONG[2:])
def test_numpy_ranks_a_long_message_as_plain_python_does(
    engine: Engine, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    terms = engine.matcher.question_terms(text)
    assert len(terms) >= matching.MANY_TERMS
    fast = engine.matcher.rank(terms)
    monkeypatch.setattr(matching, "MANY_TERMS", len(terms) + 1)
    assert fast == engine.matcher.rank(terms)


@pytest.mark.parametrize("text", LONG)
def test_the_classifier_finds_a_text_s_term_rows_as_with_a_lookup_per_f_string(engine: Engine, text: str) -> None:
    model = engine.readings.classifier
    assert model is not None
    terms = engine.matcher.question_terms(text)
    index = model._index[1]
    plain = Counter(index[t] for t in (*terms, *(f"{a}+{b}" for a, b in itertools.pairwise(terms))) if t in index)
    assert plain and list(model._terms(terms).items()) == list(plain.items())  # the same rows, in the same order


@pytest.mark.parametrize("text", LONG)
def test_numpy_weighs_a_long_message_s_n_grams_as_plain_python_does(
    engine: Engine, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("numpy")  # loaded even when this test runs alone: the numpy paths are taken
    model = engine.readings.classifier
    assert model is not None and numpy_loaded()
    terms = engine.matcher.question_terms(text)
    fast = model.probabilities(text, terms)
    monkeypatch.setattr(dense, "MANY_REPEATED", 10**6)
    monkeypatch.setattr(dense, "MANY_WORDS", 10**6)
    monkeypatch.setattr(dense, "MANY_GRAMS", 10**6)
    assert fast == model.probabilities(text, terms)


@pytest.mark.parametrize("text", LONG)
def test_numpy_counts_a_long_message_s_n_grams_as_a_counter_does(engine: Engine, text: str) -> None:
    pytest.importorskip("numpy")  # loaded: the numpy path is taken from MANY_GRAMS n-grams
    model = engine.readings.classifier
    assert model is not None and numpy_loaded()
    rows, times, _sums = model._known_words(text)
    counts = dense.gram_counts(rows, times)
    known = [model._idf[row] for row in counts]
    plain = dense.repeated_rows(counts, model._idf, sum(weight * weight for weight in known))
    assert dense.gram_block(rows, times, model._idf) == plain
    if sum(counts.values()) >= dense.MANY_GRAMS:  # the numpy path, row for row: the same rows, floats and order
        repeated = [row for row, count in counts.items() if count > 1]
        assert plain[1] == repeated and len(repeated) >= dense.MANY_REPEATED


def _ranked_term_by_term(matcher: Matcher, terms: list[str], context: list[str]) -> list[Candidate]:
    """`Matcher.rank` as written before a message's context was read once: its terms added one by one."""
    unique = list(dict.fromkeys(terms))
    dilution = min(1.0, matching.LONG_QUESTION_TERMS / len(unique))
    known = matcher._known_weights
    weights = {term: known[term] if term in known else matcher.weight(term) * dilution for term in unique}
    for term in dict.fromkeys(context):
        if term not in weights and term in known:
            weights[term] = matching.CONTEXT_SHARE * known[term]
            unique.append(term)
    total, norm = sum(weights.values()), math.sqrt(sum(w * w for w in weights.values()))
    present = [term for term in unique if term in matcher._clause_postings or term in matcher._postings]
    nearest, relevance = matcher._dense.plain_sums(present, weights, norm)
    strong: dict[str, list[str]] = {}
    for term in present:
        for clause_id in matcher._strong_clauses.get(term, ()):
            strong.setdefault(clause_id, []).append(term)
    scale = total * (max(matching.FIELD_WEIGHTS.values()) + matching.CENTRALITY_BONUS)
    candidates = []
    for clause_id in matcher._term_scores:
        share = relevance.get(clause_id, 0.0) / scale
        if share > 0:
            confidence = matching.RELEVANCE_SHARE * share + (1 - matching.RELEVANCE_SHARE) * nearest.get(clause_id, 0.0)
            found = tuple(strong.get(clause_id, ()))
            candidates.append(Candidate(clause_id, round(min(confidence, 1.0), 4), found))
    return sorted(candidates, key=lambda c: -c.confidence)


@pytest.mark.parametrize("text", LONG[1:])
def test_a_context_read_once_ranks_as_its_terms_added_one_by_one(engine: Engine, text: str) -> None:
    matcher = engine.matcher
    context = matcher.question_terms(text)
    questions = [context[3:6], context[:2], ["duree", "resili"], [*context[-4:], "passeport"], context[:40], ["zz"]]
    for terms in questions:  # each with the context (read, then found again), and after it as a part's terms are
        for ranking_context in (context, [*context, *terms], context, context[:5]):
            assert matcher.rank(terms, ranking_context) == _ranked_term_by_term(matcher, terms, ranking_context)


SENTENCES = [
    "Bonjour. Notre site a été piraté.  Qui paie ? ",
    ". . .. a.b. c . \u00a0. 4.2.1. Art. 5. ŒUVRE. É\u0301. ouiiii. l'article. cdg62.",
    "fin.\u0301 x. \u0301y.. z",
]


@pytest.mark.parametrize("text", SENTENCES + LONG[:2])
def test_a_long_text_is_folded_and_tokenized_sentence_by_sentence_as_a_whole(text: str) -> None:
    long = (f"{text}. " * 40)[: LONG_TEXT + 500]
    assert len(long) > LONG_TEXT and ". " in long
    for _ in range(2):  # its sentences read, then found again in the caches
        assert fold(long) == _fold(long)
        assert words(long) == _TOKEN.findall(_STRETCHED.sub(r"\1", _fold(long)))
        _fold_long.cache_clear()


DATE_TEXTS = [
    "le 15/03/2025, 1/2/25, 2025-03-15, 15.03.2025, 12/12/12/12, 3,15/03/2025, x15/03/2025 a1/2/2025 -1/2/2025",
    "1er mars 2025, 15 mars, 3 fevrier dernier, 123 mars 2025, 12mars, 2 janv. 2026, 31 decembre 2025 dernier",
    "en avril 2025, d'aout 2024, courant mars 2025, fin juin 2026, mi-mai 2025, 4.2.1 15/03/20255, 1/1/1",
    "xen mars 2025 _fin mai 2025 1debut juin 2025 mi mars 2026 d' avril 2025 il y a deux ans et demi, il y a 3 semaines",
    "il y a un an et deux semaines, il y a un an jour pour jour, xil y a 2 ans et 3 jours jour pour jour, il y a exactement 2 mois",
    "ca fait 20 mois jour pour jour que, xca fait 3 mois, cela fait deux ans qu'on, voila un an que, ca fait ca fait 2 ans",
]


@pytest.mark.parametrize("text", DATE_TEXTS)
def test_the_date_patterns_match_as_with_a_look_behind_first(text: str) -> None:
    plain_numeric = re.compile(r"(?<![\d.,/-])(\d{1,4})([/.-])(\d{1,2})\2(\d{2,4})(?![\d/.-]*\d)")
    written = date_mentions._month_patterns()[0]
    plain_written = re.compile(written.pattern.replace(r"(\d(?<!\d\d)\d?)", r"(?<!\d)(\d{1,2})", 1))
    assert plain_written.pattern != written.pattern
    month_year = date_mentions._month_patterns()[1]
    plain_month_year = re.compile(r"\b(?:en|d'|courant|fin|debut|mi-?) ?" + month_year.pattern.split(" ?", 1)[1])
    count = r"(\d{1,3}|[a-z]+(?:[ -][a-z]+)?)"
    plain_ago = re.compile(
        rf"\bil y a ()((?:exactement|precisement|tout juste) )?{count} (ans?|annees?|mois|semaines?)"
        rf"(?:( et demie?)| et {count} (mois|semaines?|jours?))?\b"
        r"( jour pour jour\b)?"
    )
    text = fold(
        f"{text} ; le 2 mars 2025 et le 01/02/2025, il y a 2 ans, xil y a 3 mois, ca fait 2 ans qu, fin mars 2025"
    )
    pairs = [(date_mentions._NUMERIC, plain_numeric), (written, plain_written), (month_year, plain_month_year)]
    plain_since = re.compile(plain_ago.pattern.replace(r"\bil y a ()", r"\b(ca fait|cela fait|voila) ", 1))
    assert plain_since.pattern != plain_ago.pattern
    for fast, plain in [*pairs, (relative_dates._AGO, plain_ago), (relative_dates._SINCE, plain_since)]:
        expected = [(m.span(), m.groups()) for m in plain.finditer(text)]
        assert expected
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == expected
        for position in range(len(text) + 1):
            found, wanted = fast.search(text, position), plain.search(text, position)
            assert (found and (found.span(), found.groups())) == (wanted and (wanted.span(), wanted.groups()))


@pytest.mark.parametrize(
    "text", ["d'une heure, l'heure, qu'il, aujourd'hui, l''a, _l'a, 1l'a, él'a, l'é, l'1 d' une ' a'b'c'd", "x'y" * 20]
)
def test_elisions_are_split_as_with_a_word_boundary_first(text: str) -> None:
    plain = re.compile(r"\b([a-z]')(?=[a-z])")
    assert number_text._ELISION.sub("' ", text) == plain.sub(r"\1 ", text)
    assert [m.start() - 1 for m in number_text._ELISION.finditer(text)] == [m.start() for m in plain.finditer(text)]


def test_sentences_are_cut_where_the_plain_pattern_cuts_them() -> None:
    plain = re.compile(
        r"(?<=\?)\s*|(?<=[.!…])(?<!^\d\.)(?<!^\d\d\.)(?!(?<=\.)[^\S\n]+[?!])\s+|\s*\n+\s*|(?<=[.!?…][)»])[^\S\n]+(?=[A-ZÀ-Þ])",
        re.MULTILINE,
    )
    plain_numbered = re.compile(rf"{plain.pattern}|\s+(?=\(?\d{{1,2}}\)\s)", re.MULTILINE)
    pieces = ["a", "1", "12", ".", "?", "!", "…", " ", "\n", "\t", "\u00a0", "(", ")", "\r", "?\n", ". ", "\n1. "]
    pieces += ["\u2028", "\x1c", "2) ", "\u3000", "»", ".) ", "Qui", "Émis"]
    pieces += ["(CDG 62) "]

    def split(text: str) -> list[str]:
        """The plain pattern's cuts, but not before a number closing a bracket opened in the sentence ("(CDG 62)")."""
        out, start = [], 0
        for cut in (plain_numbered if ")" in text else plain).finditer(text):
            opened = text.count("(", start, cut.start()) > text.count(")", start, cut.start())
            spaced = cut.group()[:1].isspace() and text[cut.start() - 1 : cut.start()] not in ".!?…"  # not a mark's
            if opened and spaced and "\n" not in cut.group() and re.match(r"\(?\d{1,2}\)\s", text[cut.end() :]):
                continue
            out.append(text[start : cut.start()])
            start = cut.end()
        return [*out, text[start:]]

    generator = random.Random(7)  # the same strings in every run
    for _ in range(20_000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 12)))
        assert sentence_ends.sentences(text) == split(text), repr(text)


def test_numbers_and_amounts_are_found_as_with_a_look_behind_first(engine: Engine) -> None:
    reader = engine.calculations.reader
    plain_duration = re.compile(
        reader._duration.pattern.replace(
            r"((?:-(?<![\w.,^/⁄]-)\d|\d(?:(?<![\w.,^/⁄]\d)|(?<=\d[x×]\d)))\d*+",
            r"(?:(?<![\w.,^/⁄])|(?<=\d[x×])(?=\d))(-?\d++",
            1,
        )
    )
    plain_amount = re.compile(
        reader._amount.pattern.replace(
            r"(\d(?<![\d,.]\d)(?:\d{0,2}(?:[ .]\d{3})++|\d*))", r"(?<![\d,.])(\d{1,3}(?:[ .]\d{3})++|\d+)", 1
        )
    )
    assert plain_duration.pattern != reader._duration.pattern and plain_amount.pattern != reader._amount.pattern
    pieces = [*"1 23 - . , _ a e ^ ** + h min 000 / k x ×".split(), " ", " h", " €", " euros", " k"]
    generator = random.Random(11)
    found = 0
    for _ in range(20_000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 10)))
        for fast, plain in ((reader._duration, plain_duration), (reader._amount, plain_amount)):
            expected = [(m.span(), m.groups()) for m in plain.finditer(text)]
            assert [(m.span(), m.groups()) for m in fast.finditer(text)] == expected, repr(text)
            found += len(expected)
    assert found > 1_000  # the strings hold many numbers, durations and amounts


def test_times_of_day_are_found_as_with_a_look_behind_first_and_without_a_scan(engine: Engine) -> None:
    reader = engine.calculations.reader
    times = reader._times
    plain_range = re.compile(times._range.pattern.replace(r"(?P<sh>\d(?<!\d\d)\d?)", r"(?<!\d)(?P<sh>\d{1,2})", 1))
    assert plain_range.pattern != times._range.pattern
    pieces = ["1", "12", "9", " ", "h", "heures", "30", " a ", "-", " et ", "de ", "demi-heure", "quart d' heure"]
    pieces += ["midi", "minuit", "apres-", "x", "2", "demi heure", "3 ", "quarts d' heure", ".", "entre "]
    generator = random.Random(19)
    found = 0
    for _ in range(20_000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 10)))
        expected = [(m.span(), m.groups()) for m in plain_range.finditer(text)]
        assert [(m.span(), m.groups()) for m in times._range.finditer(text)] == expected, text
        for pattern, names in (
            (reader._hour_fraction, reader._fraction_words),
            (times._clock_word, times._clock_names),
        ):
            spans = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in scanned(pattern, text, names)] == spans, text
            found += len(spans)
        found += len(expected)
    assert found > 5_000


def test_a_context_s_first_terms_are_read_from_its_first_sentences_as_from_the_whole(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    matcher = engine.matcher
    words = [word for group in engine.knowledge.synonyms for expression in group for word in expression.split()]
    words += ["25", "100", "200", "mille", "trois", "cent", "peut-on", "le", "de", "la", "cdg", "62", "merci"]
    generator = random.Random(41)
    # Sentences of a few words: expressions and numbers across the joins, near the last terms needed.
    contexts = [[" ".join(generator.choice(words) for _ in range(generator.randint(1, 3))) for _ in range(90)]]
    contexts += [["cdg"] * count + ["va mettre", "fin à la convention"] + ["cdg"] * 20 for count in range(70, 90)]
    contexts += [["cdg"] * count + ["vingt", "cdg cdg cdg cdg", "cdg cdg cdg cdg", "mille"] for count in range(70, 90)]
    contexts += [REALISTIC[:40], REALISTIC[9:50], ["merci"] * 120 + ["la convention"]]  # courtesy alone: kept if all
    read_in_part = 0
    for context in contexts:
        whole = matcher.question_terms(" ".join(context))[: context_terms.MAX_CONTEXT_TERMS]
        for count in range(1, len(context) + 1):  # a first reading ending after each sentence
            monkeypatch.setattr(context_terms, "CONTEXT_CHARS", len(" ".join(context[:count])))
            matcher.forget_texts()
            assert context_terms.first_terms(matcher, context) == whole, (context, count)
            read_in_part += " ".join(context) not in matcher._terms_cache
    assert read_in_part > 50


def test_days_counted_back_by_both_patterns_come_in_the_text_s_order() -> None:
    text = fold("Ça fait deux ans jour pour jour qu'on a signé, et il y a 3 mois une panne ; voilà un an que")
    found = relative_dates.ago(text, date(2026, 11, 28))
    assert [mention.start for mention in found] == sorted(mention.start for mention in found)
    assert [mention.value for mention in found] == [date(2024, 11, 28), date(2026, 8, 28), date(2025, 11, 28)]
    assert not relative_dates.ago(fold("ça fait 2 ans de convention"), date(2026, 11, 28))  # a length, no day
