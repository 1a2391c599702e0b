"""Regional (Picard, ch'ti) words written as the French the rest of the reader knows, once a message is cleaned: the
mining basin's secretaries write "eune heure l'lundi, deux heures et d'mie l'mercredi pis 45 minutes", and a visit
left unread is a wrong bill. The words are data (knowledge/vocabulary.yaml `regional_forms`); an article elided
before a consonant ("l'lundi", "c'matin") is the cleaning's (cleaning.py), which writes "d'mie" as "de mie": each
form is looked for as the cleaning writes it."""

from __future__ import annotations

import re

from .cleaning import clean
from .reading import Reading


class RegionalForms:
    """Writes a message's regional words as French."""

    def __init__(self, reading: Reading) -> None:
        cleaned = ((clean(form).lower(), french) for form, french in reading.regional_forms)
        self._forms = {form: french for form, french in cleaned if form}
        words = "|".join(re.escape(form) for form in sorted(self._forms, key=len, reverse=True))
        # (its first letters first: the look-behind is then tried only where a form may start)
        firsts = re.escape("".join(sorted({c for form in self._forms for c in (form[0], form[0].upper())})))
        self._form = re.compile(rf"(?=[{firsts}])(?<![\w'’])(?:{words})(?![\w'’])", re.IGNORECASE) if words else None

    def apply(self, text: str) -> str:
        """`text` (cleaned) with its regional words written as French ("eune" -> "une", "de mie" -> "demie")."""
        return self._form.sub(lambda m: self._forms[m.group().lower()], text) if self._form else text
