"""A forwarded e-mail whose header fields come after the forwarder's words (bot/core/message.py): the
forwarded message starts at the first field, and the calculations read it without the header."""

from __future__ import annotations

from bot.core.cleaning import clean
from bot.core.engine import Engine

FORWARDED = (
    "TR: boîtes mail\n\nBonjour Paul, tu peux regarder la demande ci-dessous ?\n\n"
    "De : Mairie de Ligny\nEnvoyé : lundi 2 mars 2026 09:12\nObjet : comité des fêtes\n\n"
    "Bonjour, le comité des fêtes aimerait avoir une adresse sur notre messagerie. A-t-on le droit de lui en ouvrir une ?"
)


def test_the_forwarded_message_starts_at_its_header_fields(engine: Engine) -> None:
    message = engine.reader.read(clean(FORWARDED, lines=True))
    assert message.questions == ["A-t-on le droit de lui en ouvrir une ?"]
    assert "comité des fêtes aimerait" in message.forwarded
    assert "Paul" not in message.forwarded and "2026" not in message.forwarded


def test_a_message_without_forwarding_has_no_forwarded_part(engine: Engine) -> None:
    assert engine.reader.read("Combien coûte une heure du CDG ?").forwarded == ""
