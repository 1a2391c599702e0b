"""Group-chat noise around a question: "@CDG62_support", request openers ("tu peux me dire si", "Dites-moi,",
"Quelqu'un sait …"), relay closings ("…, je lui réponds quoi ?"), a call for help alone ("Quelqu'un a la réponse ?"), and the agreement after a quoted
question ("« … » +1 même question"). The words are data (knowledge/vocabulary.yaml: request_openers,
relay_closings, follow_up_words)."""

from __future__ import annotations

import re
from collections.abc import Callable

from .calendar_names import calendar_names
from .french import fold
from .phrases import PhraseFinder, alternatives, phrase_trie, phrases_pattern, written_forms
from .reading import Reading

# A mention in a group chat ("@CDG62_support"): it says who is asked, not what (an e-mail address is kept).
_MENTION = re.compile(r"(?<![\w.@])@\w+[\s,:]*")
_SENTENCE_START = re.compile(r"^[ \t]*|[.!?…;:]\s+|\n\s*", re.MULTILINE)
# In a text of one line (a whole message once cleaned, a sentence) its sentences start at its first characters and
# after each mark: the same ends as `_SENTENCE_START`'s, the regex engine skipping to the marks (the pattern above
# opens with "^", tried at every character: 0.1 ms on 4,096 characters).
_LINE_START = re.compile(r"[ \t]*")
_MARK_END = re.compile(r"[.!?…;:]\s+")
# What may come before a request opener in its sentence: a short greeting ("Bonjour Marie, ").
_RELAY_MARKS = frozenset(",:;.!–-")  # with the spaces: what joins a relay closing to the question before it
_SPACES = re.compile(r"\s*")
# Who speaks, at a line's start (after its quote marks): a capitalised word, a colon, a question in lower case after it.
_FIRST_NAME = r"[A-ZÀ-Þ][a-zß-ÿ'’]*(?:-[A-ZÀ-Þa-zß-ÿ][a-zß-ÿ'’]*)*"  # "Sandrine", "Jean-Pierre"
_SPEAKER = re.compile(rf"^([ \t>]*)({_FIRST_NAME})[ \t]*:[ \t]+(?=[a-zß-ÿ][^\n.?!]*\?[ \t]*$)", re.MULTILINE)
# A line's speaker label with its time stamp, from a chat or a meeting's captions pasted ("[16:31] Corinne (mairie
# d'Ecques) : …", "Intervenant 2 [00:14:07] : …", a WhatsApp export's "27/11/2026 21:40 - Jérôme V.: …" or
# "[27/11/2026, 21:40:12] Martine : …"): who speaks and when, whatever is said after it.
_STAMP = r"(?:\[\d{1,2}:\d{2}(?::\d{2})?\]|\[?\d{1,2}/\d{1,2}/\d{2,4},?[ \t]+\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]*-?)"
_STAMPED = re.compile(
    rf"^([ \t>]*)(?:{_STAMP}[ \t]*[^\n:]{{1,40}}?|[^\n:\[]{{1,40}}?[ \t]*{_STAMP})[ \t]*:[ \t]*", re.MULTILINE
)
# A thread's line opening with its speaker's first name and the time, without brackets ("Léa, 9h02 : …", "Marc, 14:03
# : …"): the speaker and the hour a message was sent, never hours of a visit; a day's name there is a diary's line.
_NAMED_TIME = re.compile(
    r"^([ \t>]*)([A-ZÀ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-Þ][\w.'’-]*)?)[ \t]*,[ \t]*\d{1,2}[h:]\d{2}[ \t]*:[ \t]*", re.MULTILINE
)
# A thread's line by a speaker named by a first name, whatever is said after it in lower case: a speaker when one of
# them speaks twice (a conversation, not a list of communes each labelled once).
_TALKER = re.compile(rf"^([ \t>]*)({_FIRST_NAME})[ \t]*:[ \t]+(?=[a-zß-ÿ])", re.MULTILINE)
_GREETING = re.compile(r"(?:[^\W\d][\w'’-]*(?:\s+[^\W\d][\w'’-]*){0,2}\s*,\s*)?")


class ChatNoise:
    """Finds and drops what only says that a question follows, or that one agrees with it."""

    def __init__(self, reading: Reading) -> None:
        # A request opener at a sentence's start, perhaps after a short greeting ("Bonjour Marie, tu peux me
        # dire si …"), with the "si" of the indirect question after it: the question is what follows.
        self._openers = PhraseFinder(reading.request_openers)
        # After the opener: its comma, or the "si" of an indirect question (a whole word: "s'il" keeps its subject).
        ifs = "|".join(re.escape(word) for word in reading.if_words if word.isalpha()) or r"(?!x)x"
        self._after_opener = re.compile(rf"\s*[,:?]+\s*|\s+(?:{ifs})\s+|\s*")
        self._agreement = phrases_pattern(reading.follow_up_words, start=True)
        # ... or after a linking word ("… ? et vous savez quand la fibre arrive rue des Tilleuls")
        self._link = re.compile(rf"(?:{alternatives(reading.linking_words)})\s+", re.IGNORECASE)
        self._fields = {fold(marker).rstrip(" :") for marker in reading.forward_markers if marker.endswith(":")}
        self._weekdays = {fold(day) for day in calendar_names().weekdays}
        # What may follow an opener in a sentence that only calls for an answer ("Tu peux me répondre vite ?").
        calls = phrases_pattern(reading.call_words, start=False).pattern
        self._call_only = re.compile(rf"(?:\W*{calls})*\W*")
        # A relay closing ("…, je lui réponds quoi ?") with the marks joining it to the question before it, which
        # then ends with its "?" ("Un maire me demande si …. Je lui réponds quoi ?" -> "… si … ?").
        # The closing as a trie (see `phrase_trie`): where one ends is fixed by the "?" or line end after it.
        # The marks before it are taken back from where it starts (`without_relays`): a pattern opening with them would
        # be tried at every character of the message.
        # ... and the reason given after it ("Que dois-je lui répondre, sachant que je débute ?"): the writer's, not asked
        reasons = alternatives(reading.reason_words) if reading.reason_words else r"(?!x)x"
        self._relay = re.compile(
            rf"{phrase_trie(written_forms(reading.relay_closings), folded=False)}(?!\w)"
            rf"(?:[ \t]*,[ \t]*(?i:(?<!\w)(?:{reasons})(?!\w))[^?!.\n]*)?[ \t]*(?=[?!.]|$)",
            re.MULTILINE,  # case-blind by itself (see `phrase_trie`)
        )

    def asked_lines(self, text: str) -> str:
        """`text` without relay closings and speakers' names (see below), read before it is cut into sentences."""
        return self.without_relays(self.without_speakers(text))

    def without_speakers(self, text: str) -> str:
        """`text` without the names that say who speaks in a pasted exchange, before their questions ("Sandrine : le
        devis, c'est obligatoire ?\nPaul : et on le paie comment ?"): at least two speakers, each a capitalised word and
        a colon at a line's start, a question of one sentence in lower case after it. One such label alone names a topic
        ("Préfecture : …"); a header's field ("Objet :", `forward_markers`) stays. A label with its time stamp
        ("Intervenant 2 [00:14:07] :") always goes."""
        if ":" not in text:
            return text
        text = _STAMPED.sub(r"\1", text) if "]" in text or " - " in text else text
        text = self._without_named_times(text) if "," in text else text
        speakers = [m for m in _SPEAKER.finditer(text) if fold(m.group(2)) not in self._fields]
        if len({m.group(2) for m in speakers}) < 2:
            speakers = [m for m in _TALKER.finditer(text) if fold(m.group(2)) not in self._fields]
            names = [m.group(2) for m in speakers]
            if len(set(names)) < 2 or len(set(names)) == len(names) or "?" not in text:
                return text  # "Valérie: oui et le CDG …", "Jean-Pierre: donc on a jusqu'à quand ?": a thread
        kept, end = [], 0
        for speaker in speakers:
            kept.append(text[end : speaker.start(2)])
            end = speaker.end()
        return "".join([*kept, text[end:]])

    def _without_named_times(self, text: str) -> str:
        """`text` without its thread's speakers and times ("Léa, 9h02 : …"): two such lines or more, no day named."""
        found = list(_NAMED_TIME.finditer(text))
        if len(found) < 2 or any(fold(m.group(2)) in self._weekdays for m in found):
            return text
        return _NAMED_TIME.sub(r"\1", text)

    def without_mentions(self, text: str) -> str:
        """`text` without its @mentions."""
        return _MENTION.sub("", text) if "@" in text else text

    def tidy(self, text: str, *, whole: bool = False) -> str:
        """`text` without what only says a question follows: @mentions, the agreement opening a `whole` message
        ("+1") and request openers at a sentence's start ("@bot tu peux me dire si la convention est renouvelée ?" -> "la
        convention est renouvelée ?")."""
        text = self.without_mentions(text)
        if whole and self.agrees(text):  # a message opening with "+1 même question, …": what follows is asked
            text = self.without_agreement(text)
        kept: list[str] = []
        end = 0
        for start in _sentence_starts(text):  # tried at each sentence's start, and after its greeting
            for position in self._opening(text, start):
                if position >= end and (opener := self._openers.match(text, position)):
                    kept.append(text[end:position])
                    end = self._after_opener.match(text, opener.end()).end()
        return "".join([*kept, text[end:]]) if kept else text

    def without_relays(self, text: str) -> str:
        """`text` without its relay closings, read before the message is cut into sentences: "Un maire me demande
        si …, je lui réponds quoi ?" asks what the maire asks."""
        kept: list[str] = []
        end = 0
        for relay in self._relay.finditer(text):
            start = relay.start()
            while start > end and (text[start - 1].isspace() or text[start - 1] in _RELAY_MARKS):
                start -= 1  # the marks joining it to the question, as `[\s,:;.!–-]*` before it would take them
            kept.append(text[end:start])
            end = relay.end()
        return "".join([*kept, text[end:]]) if kept else text

    def without_opener(self, sentence: str) -> str:
        """`sentence` without the request opener at its start (see `tidy`), else as it is."""
        for position in self._opening(sentence, 0):
            if opener := self._openers.match(sentence, position):
                return sentence[:position] + sentence[self._after_opener.match(sentence, opener.end()).end() :]
        return sentence

    def _opening(self, text: str, at: int) -> list[int]:
        """Where a request opener may stand in the sentence starting at `at`: there, and after its greeting ("Bonjour
        Marie, "), where one's first letter is. A greeting ends after the first comma and the spaces after it: the
        greeting is only read when an opener's first letter follows them."""
        found = [at] if self._openers.may_open(text, at) else []
        if (link := self._link.match(text, at)) and self._openers.may_open(text, link.end()):
            found.append(link.end())
        if (comma := text.find(",", at)) >= 0:
            after = _SPACES.match(text, comma + 1).end()
            if self._openers.may_open(text, after) and _GREETING.match(text, at).end() == after:
                found.append(after)
        return found

    def only_calls(self, sentence: str, request: str, asks: Callable[[str], bool]) -> bool:
        """Whether a sentence (`request`: without its opener) only calls for an answer: an opener followed by nothing
        but urgency or thanks ("Tu peux me répondre vite ?"), perhaps after a comma and words that ask nothing ("Je ne
        sais pas répondre, pouvez-vous m'aider ?"): the question is elsewhere."""
        if request != sentence:  # (a name it is addressed to before the opener says nothing: "Julien, tu peux …")
            return self.says_nothing(request[_GREETING.match(request).end() :])
        head, comma, tail = sentence.rpartition(",")
        tail = tail.lstrip()
        if not comma or not (opener := self._openers.match(tail, 0)):
            return False
        return self.says_nothing(tail[self._after_opener.match(tail, opener.end()).end() :]) and not asks(head)

    def says_nothing(self, request: str) -> bool:
        """Whether what follows a request opener asks nothing: nothing, or only urgency and thanks ("Quelqu'un a la
        réponse ?", "Tu peux me répondre vite ?"): the sentence calls for an answer, the question is elsewhere."""
        return bool(self._call_only.fullmatch(fold(request)))

    def agrees(self, text: str) -> bool:
        """Whether `text` opens with an agreement ("+1 même question, …", "Moi aussi")."""
        return bool(self._agreement.match(fold(text[:40])))

    def without_agreement(self, text: str) -> str:
        """`text` without the agreement that opens it ("+1 même question, et aussi …" -> "et aussi …")."""
        while match := self._agreement.match(fold(text)):
            text = text[len(match.group()) :].lstrip(" ,.!:;")
        return text


def _sentence_starts(text: str) -> list[int]:
    """Where each sentence of `text` starts (after its spaces): the ends of `_SENTENCE_START`'s matches, in order."""
    if "\n" in text:
        return list(map(re.Match.end, _SENTENCE_START.finditer(text)))
    return [_LINE_START.match(text).end(), *map(re.Match.end, _MARK_END.finditer(text))]
