"""Hours said apart from the CDG 62's visit: "J'ai roulé 4h30 depuis ce matin et je fais ma pause de 45 min. Le
technicien du CDG est venu hier de 14h à 16h15", a day's diary ("10h mariage. 11h15-12h45 passage du conseiller du
CDG 62. 14h commission"). When a sentence holding hours names the visit, hours whose sentence names neither it, nor
its trip, nor whoever came are someone else's time (or a time of day): never added to the CDG 62's price."""

from __future__ import annotations

import re

from ..cost import Duration
from ..duration_grammar import DurationGrammar
from ..french import fold
from ..told_values import past_day_label
from .base import ASIDE, sentence_start
from .cues import Cues, optional

MARKS = ".!?;\n"  # what ends a sentence, for this reading ("… a duré 2 h ; le CDG était venu de 9h à 10h")
APART = "apart"  # the role of hours said apart from the visit
QUOTED = "quoted"  # the role of hours in a quotation when the message gives the visit's hours outside it
QUOTED_WORDS = 5  # the most words of a quotation that only quotes figures ("« 1h50 »", "« 2 h de trajet »")
_QUOTATION = re.compile(r"«[^«»]*(?:»|$)|“[^“”]*(?:”|$)")  # « … », “ … ” (the last one may have lost its end)
DAY_START, DAY_END = 7, 20  # the hours of a working day: "10h mariage" opening a sentence is a time of day
_END = re.compile(f"[{re.escape(MARKS)}]")
_ASIDE_MARK = re.compile(r"[:()]")  # a clause told before them, not the hours' own
_CLAUSE_END = re.compile(f"[{re.escape(MARKS)},:(]")  # where the words going on from hours end
_APPOSITION = re.compile(r"\s*,\s*")  # "le maire, lui, …": the comma before a pronoun apposed to the subject
# "le président du syndicat il les a accompagnés": spoken, no comma, the subject's complement at most before the
# pronoun (not "la réunion avec lui": an object); "la réunion du 12 novembre, elle, …": a comma after it
_SPOKEN_GAP = re.compile(r"\s+(?:(?:du|des|de la|de l'|d')\s*[\w-]+(?:\s+[a-z]+)?\s*,?\s*)?")


class VisitSentences:
    """Reads which sentences of a message tell of the CDG 62's visit."""

    def __init__(self, cues: Cues, grammar: DurationGrammar) -> None:
        self.cues = cues
        self._links = optional([], whole=grammar.clause_breaks)  # "…, et le maire, lui, a passé 3 h": a part opens
        self._among_themselves = optional([], whole=grammar.among_themselves)  # "restées entre elles": no one else

    def apart(self, text: str, roles: list[tuple[Duration, str]]) -> list[tuple[Duration, str]]:
        """`roles` with the intervention, travel and break hours said apart from the visit given the role "apart"."""
        counted = [i for i, (_, role) in enumerate(roles) if role in ("intervention", "travel", "pause")]
        # "Un administré m'écrit : « … rester de 14h à 18h … ». Le technicien était en fait là de 14h à 15h30": hours
        # quoted are what someone said when the message gives the visit's hours outside any quotation too
        # (a quotation of more than its hours: « 1h50 » alone quotes a figure of a document)
        quotes = [m.span() for m in _QUOTATION.finditer(text) if len(m.group().split()) > QUOTED_WORDS]
        inside = {i for i in counted if any(start < roles[i][0].start < end for start, end in quotes)}
        if inside and any(roles[i][1] == "intervention" for i in counted if i not in inside):
            roles = [(d, QUOTED) if i in inside else (d, role) for i, (d, role) in enumerate(roles)]
            counted = [i for i in counted if i not in inside]
        # a stay going on past a range is the visit's only where its words since the range name whoever came ("; la
        # conseillère du CDG est restée seule jusqu'à 11h30"; not "notre adjointe est ensuite restée seule jusqu'à 18h15",
        # ", la mairie est restée ouverte jusqu'à 18h")
        told = {
            i: (
                self._names_visit(
                    self._without_subjects_verb(since(text, roles[i - 1][0].end if i else 0, roles[i][0]))
                )
                if roles[i][0].went_on
                else self._tells_of_visit(*self._sentence(text, roles[i][0]))
            )
            and not self._others_clause(text, roles[i][0].start, roles[i][0].end)
            and not self._writers_part(text, roles[i][0])
            for i in counted
        }
        if all(told.values()):
            return roles
        if not any(told[i] for i in counted if roles[i][1] != "pause"):
            # No sentence tells of a visit, the CDG 62 named nowhere (its adviser may write "j'ai passé la journée à la
            # mairie"): hours the writer tells of her own day, asking nothing, are set apart ("Je fouille le classeur
            # depuis une heure. … La Fibre … ?"); "Je voudrais savoir combien coûtent 3 h." stays asked.
            # ... but not hours someone else of the commune opens ("Le cantonnier a tondu 3 heures. Le CDG facture
            # combien de l'heure ?": the cantonnier's, never billed)
            cdg = self.cues.parties.get("cdg")
            named = cdg is not None and cdg.search(fold(text))
            told = {i: not (self.others_time if named else self._own_time)(text, roles[i][0]) for i in counted}
        return [(d, APART) if i in told and not told[i] else (d, role) for i, (d, role) in enumerate(roles)]

    def _own_time(self, text: str, duration: Duration) -> bool:
        """Are `duration`'s hours the writer's own time, or someone else's of the commune: a sentence she or another
        person opens, naming neither the visit nor a trip, that asks nothing ("J'ai passé 2h sur le dossier.")?"""
        sentence, _ = self._sentence(text, duration)
        folded = fold(sentence)
        writer = self.cues.writer_subject
        if not (writer and writer.search(folded)) and not self._opened_by_other(folded):
            return False
        travel = self.cues.duration_cues.get("travel")
        asked = (self.cues.amount_asked, self.cues.price_asked, self.cues.total)
        end = _END.search(text, duration.end)
        return not (
            self._names_visit(folded)
            or (travel and travel.search(folded))
            or any(cue and cue.search(folded) for cue in asked)
            or (end and end.group() == "?")
        )

    def _tells_of_visit(self, sentence: str, opens: bool) -> bool:
        """Does `sentence` tell of the visit: it names the CDG 62, its coming or whoever came ("il", "le technicien"),
        or a trip the writer does not say is her own? A sentence naming none of them is someone else's only when the
        writer says it is hers ("J'ai roulé 4h30", "ma pause"), when another person opens it ("Le maire était en
        réunion de 10h à 12h"), or when it opens with the hours, a diary's time of day ("10h mariage"); "Puis 1h mardi."
        goes on with the visit."""
        folded = self._without_subjects_verb(fold(sentence))
        if self._names_visit(folded):
            return True
        writer = bool(self.cues.writer_subject and self.cues.writer_subject.search(folded))
        writer = writer or self._opened_by_other(folded)  # "Le maire était en réunion de 10h à 12h"
        travel = self.cues.duration_cues.get("travel")
        if travel and travel.search(folded):
            return not writer
        return not (writer or opens)

    def _others_clause(self, text: str, at: int, end: int) -> bool:
        """Are the words from `at` to `end` (hours, a part of the day) in a clause after a comma or a link ("et"), or in
        an aside in brackets, that someone else or another event opens, naming neither the visit nor whoever came ("Le
        CDG est intervenu 2 h, la réunion avec la secrétaire (sans le CDG) a duré 45 min", "l'agent est resté 2 h 30 et
        le maire, lui, a passé 3 h", "… de 9h30 à 12h (le maire avait sa réunion de 14h à 16h)")?"""
        comma, bracket = text.rfind(",", 0, at), text.rfind("(", 0, at)
        opening = sentence_start(text, at, MARKS)
        links = list(self._links.compiled.finditer(text, opening, at)) if self._links else []
        link = links[-1].end() - 1 if links else -1  # the character before the part it opens, as for a comma
        if text.find(")", bracket, at) >= 0:
            bracket = -1  # an aside closed before the hours: they are not in it
        # no comma nor bracket in its sentence before it (";" ends a sentence here): the sentence's reading holds
        return any(
            start >= 0
            and not _END.search(text, start, at)
            and self._opened_by_other(fold(text[start + 1 : end]), writer=start == bracket)
            for start in (comma, bracket, link)
        )

    def others_time(self, text: str, duration: Duration) -> bool:
        """Is `duration` in the first clause of a sentence someone else of the commune opens, naming neither the visit
        nor whoever came ("L'agent d'entretien a fait 9 heures de plus que son temps de travail : comment les payer ?";
        its "de plus" goes on with no visit)? Not hours after the clause she asks in ("Le maire voudrait savoir combien
        coûtera la formation, qui a duré 2h10")."""
        sentence = self._without_absence(fold(self._sentence(text, duration)[0]))
        subject, cdg = self.cues.other_subject, self.cues.parties.get("cdg")
        if not subject or any(cue is not None and cue.search(sentence) for cue in (cdg, self.cues.intervention)):
            return False
        # its clause opens the sentence or follows a comma ("Bonjour, nos agents …"); a comma right before the hours
        # goes on with it ("… la nuit de mardi à mercredi, de 4h à 7h"), unless that clause asks a price ("… combien
        # coûtera la formation, 2h10")
        part = fold(text[sentence_start(text, duration.start, MARKS) : duration.start])
        comma = part.rfind(",")
        own = part[:comma] if comma >= 0 and len(part[comma + 1 :].split()) <= 1 else part  # (", de 4h à 7h")
        asks = own != part and any(cue and cue.search(own) for cue in (self.cues.amount_asked, self.cues.price_asked))
        clause = own[own.rfind(",") + 1 :].lstrip(" ;:-–—•*")
        return not asks and bool(subject.compiled.match(clause)) and not _CLAUSE_END.search(clause)

    def _writers_part(self, text: str, duration: Duration) -> bool:
        """Is `duration` in the part of its sentence the writer tells of her own doing before the visit is named, its
        own clause naming it neither ("Mardi je faisais ma tournée de 6h30 à 11h, donc je n'étais pas là, mais la
        technicienne du CDG 62 est arrivée à 14h00"), or the clause she opens after the visit's ("il est resté de 13h30 à
        17h, moi j'étais en tournée de 16h15 à 17h40")? Not "J'ai accueilli de 9h à 11h le technicien du CDG"."""
        before = fold(text[sentence_start(text, duration.start, MARKS) : duration.start])
        writer = self.cues.writer_subject
        if not (writer and writer.search(before)):
            return False
        # her clause up to the hours, no aside mark between ("je mélange toujours) le 18 mai : 8h30" is not hers)
        clause = before[before.rfind(",") + 1 :]
        if self._names_visit(before) and not (self.writers_own(clause) and not _ASIDE_MARK.search(clause)):
            return False
        after = _CLAUSE_END.search(text, duration.end)
        return not self._names_visit(fold(text[duration.end : after.start() if after else len(text)]))

    def writers_own(self, clause: str) -> bool:
        """Does `clause` open with the writer, naming neither the visit nor whoever came ("Moi j'ai mis 20 min pour
        venir à la mairie")? Her hours, not the CDG 62's."""
        folded = fold(clause).lstrip(" ,;:-–—•*")
        writer = self.cues.writer_subject
        return bool(writer and writer.compiled.match(folded)) and not self._names_visit(folded)

    def apart_from(self, text: str, at: int, until: int) -> bool:
        """Are the words from `at` to `until` someone else's, the visit's hours told: in a sentence naming no visit ("La
        conseillère du CDG 62 est restée de 9h à midi. … car le maire croit qu'on paie toute la matinée.") or in a
        clause someone else opens ("il est resté 1h15 et le président, lui, les a accompagnés tout l'après-midi")?"""
        if self._others_clause(text, at, until):
            return True
        start, end = sentence_start(text, at, MARKS), _END.search(text, at)
        rest = text[:start] + " " + (text[end.end() :] if end else "")
        return not self._names_visit(fold(text[start : end.start() if end else len(text)])) and self._names_visit(
            fold(rest)
        )

    def _names_visit(self, folded: str) -> bool:
        """Does `folded` name the CDG 62, its coming or whoever came ("il", "le technicien")?"""
        cdg, folded = self.cues.parties.get("cdg"), self._without_absence(folded)
        if self._among_themselves:  # "Les secrétaires sont restées entre elles": their pronoun, not whoever came
            folded = self._among_themselves.compiled.sub(" ", folded)
        return any(p is not None and p.search(folded) for p in (cdg, self.cues.intervention, self.cues.visit_sentence))

    def _without_absence(self, folded: str) -> str:
        """`folded` without the words saying the CDG 62 was not there ("Une réunion, sans le CDG, …"): no visit named."""
        return absent.compiled.sub(" ", folded) if (absent := self.cues.duration_cues.get("without_cdg")) else folded

    def _opened_by_other(self, part: str, writer: bool = False) -> bool:
        """Does `part` (folded) open with someone else of the commune or another event (`other_subjects`), or with
        `writer` the writer herself (an aside in brackets: "(moi je fais 13h30-17h ce jour-là)"), naming the visit nowhere
        but in an aside in brackets?"""
        part = past_day_label(part.lstrip(" ,;:-–—•*"))
        subjects = (self.cues.other_subject, self.cues.writer_subject if writer else None)
        opened = next((found for subject in subjects if subject and (found := subject.compiled.match(part))), None)
        if opened is None:
            return False
        return not self._names_visit(ASIDE.sub(" ", self._without_subjects_verb(part)))  # "(sans le CDG)": no one came

    def _without_subjects_verb(self, folded: str) -> str:
        """`folded` without the visit word that is the verb of someone else of the commune opening it ("Le maire est
        resté avec moi 1h15 pour la démo": the mayor's stay, not a visit of the CDG 62), nor the pronoun apposed to
        that subject ("le maire, lui, a passé 3 h": the subject again, not whoever came)."""
        subject, visit = self.cues.other_subject, self.cues.intervention
        opened = subject.compiled.match(folded.lstrip(" ,;:-–—•*")) if subject and visit else None
        if opened is None or visit is None:
            return folded
        start = len(folded) - len(folded.lstrip(" ,;:-–—•*")) + opened.end()
        if pronoun := self._apposed_pronoun(folded, start):  # (and its commas: the verb follows the subject)
            folded = f"{folded[:start]} {folded[pronoun.end() :].lstrip(' ,')}"
        verb = visit.compiled.match(folded, start + len(folded[start:]) - len(folded[start:].lstrip()))
        return f"{folded[: verb.start()]}{folded[verb.end() :]}" if verb else folded

    def _apposed_pronoun(self, part: str, subject_end: int) -> re.Match[str] | None:
        """The pronoun apposed to the subject ending at `subject_end`, after a comma or a few words of its complement."""
        if not (apposed := self.cues.apposed):
            return None
        if comma := _APPOSITION.match(part, subject_end):
            return apposed.compiled.match(part, comma.end())
        gap = _SPOKEN_GAP.match(part, subject_end)
        return apposed.compiled.match(part, gap.end()) if gap else None

    @staticmethod
    def _sentence(text: str, duration: Duration) -> tuple[str, bool]:
        """The whole sentence holding `duration`, and whether it opens with them as a time of day ("10h mariage")."""
        start = sentence_start(text, duration.start, MARKS)
        end = _END.search(text, duration.end)
        opens = not text[start : duration.start].strip(" :-–—•*")
        return text[start : end.start() if end else len(text)], opens and _time_of_day(duration)


def since(text: str, start: int, duration: Duration) -> str:
    """The words from `start` to `duration`'s end (folded), its sentence opening them ("… 16h. Le maire, lui, …")."""
    return fold(text[max(start, sentence_start(text, duration.start, MARKS)) : duration.end])


def _time_of_day(duration: Duration) -> bool:
    """Could these hours be a time of the working day ("10h"), not a span ("14h-16h") nor a stay ("1h30 mardi")?"""
    return not duration.clock and duration.hours is not None and DAY_START <= duration.hours <= DAY_END
