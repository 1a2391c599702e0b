"""The words that shape how a message is read (knowledge/vocabulary.yaml), given to the reader."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from .phrases import trie_pattern
from .schema import UnstatedFact


@dataclass(frozen=True)
class Reading:
    """The words that shape a message (lists from knowledge/vocabulary.yaml, compared folded)."""

    forward_markers: tuple[str, ...] = ()
    sender_fields: tuple[str, ...] = ()
    subject_fields: tuple[str, ...] = ()
    sign_offs: tuple[str, ...] = ()
    closing_lines: tuple[str, ...] = ()  # "Merci beaucoup" alone: a signature follows
    bare_line_openers: tuple[str, ...] = ()  # "si l'association peut …": a bare line that asks
    bare_line_things: tuple[str, ...] = ()  # "le nom exact du syndicat …", with thing_complements: one too
    thing_complements: tuple[str, ...] = ()
    story_auxiliaries: tuple[str, ...] = ()  # "est venu": a story's line, before the first question
    story_openers: tuple[str, ...] = ()  # "Voilà l'histoire.": after the questions, a story asking nothing more
    postscript_markers: tuple[str, ...] = ()
    own_question_markers: tuple[str, ...] = ()
    unsure_phrases: tuple[str, ...] = ()
    title_abbreviations: tuple[str, ...] = ()
    note_abbreviations: tuple[str, ...] = ()
    question_nouns: tuple[str, ...] = ()
    topic_openers: tuple[str, ...] = ()
    asking_inversions: tuple[str, ...] = ()
    spaced_inversion_verbs: tuple[str, ...] = ()  # "peut il": an inversion written without its hyphen
    telling_auxiliaries: tuple[str, ...] = ()  # "on a reçu": with participle_endings, a line that tells
    participle_endings: tuple[str, ...] = ()
    question_openers: tuple[str, ...] = ()
    indirect_openers: tuple[str, ...] = ()
    if_words: tuple[str, ...] = ()
    relative_words: tuple[str, ...] = ()
    resuming_relatives: tuple[str, ...] = ()  # "…, ce qui conditionne …": says more of the clause before it
    pronoun_relatives: tuple[str, ...] = ()  # "…, laquelle n'a rien signé ?": of the noun before it
    pointing_words: tuple[str, ...] = ()
    back_questions: tuple[str, ...] = ()
    back_references: tuple[str, ...] = ()
    check_questions: tuple[str, ...] = ()  # "qui a raison ?": asks whether the claims before it are right
    claim_links: tuple[str, ...] = ()  # "et que": one claim linked to another
    complement_links: tuple[str, ...] = ()  # "et de": a complement joined to the one before, no new question
    claim_verbs: tuple[str, ...] = ()  # "dit que": a sentence reporting a claim
    restating_words: tuple[str, ...] = ()  # "autrement dit": the question before, asked again
    forward_words: tuple[str, ...] = ()  # "TR:", "je vous transfère": a quote forwarded to be answered
    returning_phrases: tuple[str, ...] = ()  # "pour revenir à ma première question": an earlier one, asked again
    demonstratives: tuple[str, ...] = ()  # "celui": after the question's own topic, it takes up nothing
    possessive_pronouns: tuple[str, ...] = ()  # "la sienne": a noun of the question before, whatever it names
    asking_phrases: tuple[str, ...] = ()
    reporting_verbs: tuple[str, ...] = ()
    wanting_verbs: tuple[str, ...] = ()
    party_pronouns: tuple[str, ...] = ()
    impersonal_verbs: tuple[str, ...] = ()
    requested_facts: tuple[str, ...] = ()
    asking_adverbs: tuple[str, ...] = ()
    anchor_words: tuple[str, ...] = ()
    linking_words: tuple[str, ...] = ()
    run_on_starts: tuple[str, ...] = ()  # where a second question may start in a message without "?"
    asking_negations: tuple[str, ...] = ()  # "ne pas savoir ce que": no asking phrase then
    adverb_links: tuple[str, ...] = ()  # linking words that cut only after a comma ("vise aussi les syndicats")
    link_continuations: tuple[str, ...] = ()  # after a linking word, they go on with the count before it ("et demie")
    prepositions: tuple[str, ...] = ()  # an article after one opens its object, no question ("avant | la fin")
    guess_endings: tuple[str, ...] = ()  # "…, par virement ou quoi ?": a guess of the answer, not a question
    inverted_subjects: tuple[str, ...] = ()
    plural_subjects: tuple[str, ...] = ()
    named_subjects: tuple[str, ...] = ()  # "… et le CDG nous prend combien ?": a subject like a pronoun
    closing_question_words: tuple[str, ...] = ()
    proposed_answer_openers: tuple[str, ...] = ()
    closing_yes_no: tuple[str, ...] = ()
    indefinite_words: tuple[str, ...] = ()
    unasking_idioms: tuple[str, ...] = ()
    condition_words: tuple[str, ...] = ()
    direct_question_marks: tuple[str, ...] = ()
    tail_question_words: tuple[str, ...] = ()
    trailing_adverbs: tuple[str, ...] = ()
    listing_openers: tuple[str, ...] = ()
    adverbial_phrases: tuple[str, ...] = ()
    question_starts: tuple[str, ...] = ()
    question_enumerators: tuple[str, ...] = ()
    ordinal_enumerators: tuple[str, ...] = ()
    in_place_question_words: tuple[str, ...] = ()
    sentence_question_words: tuple[str, ...] = ()
    follow_up_words: tuple[str, ...] = ()
    time_question_words: tuple[str, ...] = ()
    request_openers: tuple[str, ...] = ()
    call_words: tuple[str, ...] = ()
    please_words: tuple[str, ...] = ()
    signing_slots: tuple[str, ...] = ()  # "Signature de l'agent : ____": a pasted form's place to sign, no question
    check_words: tuple[str, ...] = ()
    reply_attributions: tuple[str, ...] = ()
    quote_pointers: tuple[str, ...] = ()
    quote_passers: tuple[str, ...] = ()
    relay_closings: tuple[str, ...] = ()
    mentioned_only: tuple[str, ...] = ()
    mentioned_forms: tuple[tuple[str, str], ...] = ()  # "régionale" -> "Région": another word for a mentioned name
    entity_facts: tuple[str, ...] = ()
    unstated_facts: tuple[UnstatedFact, ...] = ()
    complement_articles: tuple[str, ...] = ()  # "du", "d'un", "de notre": one another's in an unstated fact
    precision_words: tuple[str, ...] = ()  # "exact", "précis": they ask nothing more of an unstated fact
    reason_words: tuple[str, ...] = ()  # "parce que", "car": what follows after a question says why, asks nothing
    object_articles: tuple[str, ...] = ()  # "la", "nos", "votre": the same for an object ("gérer la paie", "nos paies")
    other_bodies: tuple[str, ...] = ()
    own_bodies: tuple[str, ...] = ()
    party_corrections: tuple[str, ...] = ()
    hesitations: tuple[str, ...] = ()  # "euh", "heu": a pause (a comma), once the party corrections are read
    spoken_commas: tuple[str, ...] = ()
    spoken_question_marks: tuple[str, ...] = ()
    spelled_acronyms: tuple[str, ...] = ()
    item_labels: tuple[str, ...] = ()
    todo_requests: tuple[str, ...] = ()
    done_values: tuple[str, ...] = ()
    greeting_words: tuple[str, ...] = ()
    spoken_stops: tuple[str, ...] = ()
    spoken_stops_before_question: tuple[str, ...] = ()
    list_counts: tuple[tuple[str, int], ...] = ()
    line_numbers: tuple[tuple[str, int], ...] = ()
    listed_things: tuple[str, ...] = ()
    sequence_words: tuple[str, ...] = ()
    aside_phrases: tuple[str, ...] = ()
    regional_forms: tuple[tuple[str, str], ...] = ()  # "eune" -> "une": a regional (Picard) form and its French

    def unsure_asking(self) -> tuple[str, ...]:
        """What asks in a message without "?" only: what the writer does not know ("je ne sais pas si …"), and a fact
        asked for by its name ("Mme X demande les noms des présidents", "il veut le tarif"): in a message asking with
        "?", such a sentence tells what led to the questions ("Le maire demande le tarif, il est venu 3 h. Combien ?")."""
        verbs = (*self.reporting_verbs, *self.wanting_verbs)
        return (*self.unsure_phrases, *(f"{verb} {fact}" for verb in verbs for fact in self.requested_facts))

    @cached_property
    def unsure_pattern(self) -> re.Pattern[str]:
        """`unsure_asking()` (thousands of phrases) as one trie over folded text, built once for the readers using it."""
        return trie_pattern(self.unsure_asking())

    def asking_words(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The phrases that only say something is asked ("il conviendrait de déterminer", "il demande"), and the
        linking words they may hold ("demande enfin")."""
        return (*self.asking_phrases, *self.reporting_verbs), (*self.linking_words, *self.asking_adverbs)
