"""The convention's deadlines as an iCalendar file (RFC 5545), made with `icalendar`."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from icalendar import Alarm, Calendar, Event

from .deadlines import alarm_day, compute_deadlines, format_date

ALARM_BEFORE = relativedelta(months=1)


def agenda(signature: date, today: date, *, send_time: time, timezone: str, stamp: datetime) -> bytes:
    """Two all-day events, the LRAR deadline and the period end, each with an alarm a month before
    (or, when that is already past, the next day: an alarm in the past would never ring);
    `stamp` (now) is the file's creation time."""
    d = compute_deadlines(signature, today)
    notice, end = d.open_notice, d.open_end
    calendar = Calendar()
    calendar.add("prodid", "-//convention-bot//Convention services numeriques//FR")
    calendar.add("version", "2.0")
    events = [
        (
            "notice",
            notice,
            "Date limite : lettre recommandée de non-reconduction (convention services numériques)",
            "Dernier jour pour que les autres parties aient REÇU la lettre recommandée avec accusé de réception si "
            f"la collectivité ne souhaite pas reconduire la convention à l'échéance du {format_date(end)} (articles "
            "3 et 6) : envoyez-la plusieurs jours avant.",
        ),
        (
            "end",
            end,
            "Échéance de la convention de services numériques",
            "Fin de la période de deux ans ; sans résiliation, la convention est reconduite tacitement (article 3).",
        ),
    ]
    zone = ZoneInfo(timezone)
    for key, day, summary, description in events:
        event = Event()
        event.add("uid", f"{key}-{signature.isoformat()}-{day.isoformat()}@convention-bot")
        event.add("dtstamp", stamp.astimezone(UTC))
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", summary)
        event.add("description", description)
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        # A month before, unless that is past: then the next useful day, and the alarm says it is late.
        ring, moved = alarm_day(day, today, ALARM_BEFORE)
        alarm.add("description", f"{summary} — {format_date(day)}" if moved else summary)
        moment = datetime.combine(ring, send_time, zone).astimezone(UTC)
        alarm.add("trigger", moment, parameters={"VALUE": "DATE-TIME"})  # RFC 5545: an absolute trigger says so
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
