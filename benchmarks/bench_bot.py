"""Load, soak and slow-network figures for the real `convention-bot run` process.

Against the fake Bot API of the tests, on 127.0.0.1 only:
1. load: 200 users send 10 questions each, all at once; every question must be answered
   exactly once; prints replies per second and the median / p99 latency;
2. soak: 20,000 messages; prints the process's memory (RSS) at start and end;
3. slow network: every Bot API call delayed by 50 ms; 10 users ask 30 questions each, to our
   bot and to a bare python-telegram-bot echo bot with default settings; prints both times
   and the ratio, and checks that each chat got its answers in order.
Telegram's own flood limit (about 30 messages/s, which the bot respects in production) is
turned off for these three: they measure the bot, not Telegram's quota. It is on for the last two:
4. kill -9: 120 users ask at once; the process is killed (SIGKILL) after 16 answers and started
   again; prints how many users were answered, how many twice, and how long it took;
5. group flood: one group sends 150 questions (Telegram lets a bot post about 20 a minute
   there), then a private user asks; prints how long the private user waits.
With `--before DIR` (an export of an earlier commit, e.g. `git archive <commit> | tar -x -C DIR`),
cases 4 and 5 also run that version of the bot, for a comparison.

Run: python benchmarks/bench_bot.py [--quick] [--before DIR] [--only-reliability]
(prints figures; exits 1 if an answer is lost in the load, soak or slow-network cases)
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from fake_telegram import TOKEN, FakeBotApiServer, FakeTelegram  # noqa: E402

QUESTIONS = ["durée de la convention ?", "tarif horaire du CDG", "tribunal compétent en cas de litige"]
EXPECTED = ["Article 3", "Article 4.2.1", "Article 8"]  # what each question's answer cites, in order


class TimedTelegram(FakeTelegram):
    """The fake Bot API, noting when each message reached each chat."""

    def __init__(self) -> None:
        super().__init__()
        self.deliveries: dict[int, list[tuple[float, str]]] = {}

    def call(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        status, body = super().call(method, params)
        if method == "sendMessage" and status == 200:
            self.deliveries.setdefault(int(params["chat_id"]), []).append((time.monotonic(), params["text"]))
        return status, body


async def start(
    command: list[str],
    telegram: TimedTelegram,
    folder: Path,
    server: FakeBotApiServer | None = None,
    root: Path = ROOT,
    **env: str,
) -> tuple[Any, FakeBotApiServer]:
    if server is None:
        server = FakeBotApiServer(telegram)
        await server.start()
    polls = len(telegram.sent("getUpdates"))
    environment = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "CONVENTION_BOT__TELEGRAM__BASE_URL": server.base_url,
        "ECHO_BASE_URL": server.base_url,
        "CONVENTION_BOT__TELEGRAM__FLOOD_LIMIT_PER_SECOND": "0",
        "CONVENTION_BOT__STORAGE__PATH": str(folder / "bench.sqlite3"),
        "CONVENTION_BOT__LOG_LEVEL": "WARNING",
        **env,
    }
    process = await asyncio.create_subprocess_exec(
        *command, cwd=root, env=environment, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL
    )
    while len(telegram.sent("getUpdates")) <= polls:
        await asyncio.sleep(0.01)
    return process, server


async def stop(process: Any, server: FakeBotApiServer) -> None:
    process.terminate()
    await process.wait()
    await server.stop()


async def push_and_wait(
    telegram: TimedTelegram, users: range, per_user: int, timeout: float
) -> tuple[float, list[float]]:
    """Every user sends `per_user` questions at once; wait for all answers; return elapsed and latencies."""
    sent_at: dict[int, list[float]] = {}
    start_time = time.monotonic()
    for round_number in range(per_user):
        for user in users:
            telegram.push(telegram.user_message(QUESTIONS[round_number % len(QUESTIONS)], user_id=user))
            sent_at.setdefault(user, []).append(time.monotonic())
    expected = len(users) * per_user
    deadline = start_time + timeout
    while sum(len(telegram.deliveries.get(u, [])) for u in users) < expected and time.monotonic() < deadline:
        await asyncio.sleep(0.02)
    elapsed = time.monotonic() - start_time
    await asyncio.sleep(0.3)  # a duplicate would show up now
    latencies = []
    for user in users:
        got = telegram.deliveries.get(user, [])
        if len(got) != per_user:
            raise SystemExit(f"user {user}: {len(got)} answers for {per_user} questions")
        latencies += [(moment - asked) * 1000 for (moment, _), asked in zip(got, sent_at[user], strict=True)]
    return elapsed, latencies


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def in_order(telegram: TimedTelegram, users: range, per_user: int) -> bool:
    for user in users:
        texts = [text for _, text in telegram.deliveries[user]]
        for index, text in enumerate(texts):
            if EXPECTED[index % len(EXPECTED)] not in text:
                return False
    return len(texts) == per_user


FLOOD_LIMIT_ON = {"CONVENTION_BOT__TELEGRAM__FLOOD_LIMIT_PER_SECOND": "30"}


async def kill_during_a_burst(root: Path) -> str:
    """120 users at once, SIGKILL after 16 answers, restart: who got an answer, who got two."""
    bot, users = [sys.executable, "-m", "bot", "run"], range(5000, 5120)
    with tempfile.TemporaryDirectory() as folder:
        telegram = TimedTelegram()
        process, server = await start(bot, telegram, Path(folder), root=root, **FLOOD_LIMIT_ON)
        started = time.monotonic()
        for user in users:
            telegram.push(telegram.user_message("durée de la convention ?", user_id=user))
        while sum(map(len, telegram.deliveries.values())) < 16:
            await asyncio.sleep(0.002)
        process.kill()
        await process.wait()
        before_kill = sum(map(len, telegram.deliveries.values()))
        process, server = await start(bot, telegram, Path(folder), server=server, root=root, **FLOOD_LIMIT_ON)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and len([u for u in users if telegram.deliveries.get(u)]) < len(users):
            await asyncio.sleep(0.02)
        elapsed = time.monotonic() - started
        await asyncio.sleep(1)  # duplicates would arrive now
        await stop(process, server)
    answered = [u for u in users if telegram.deliveries.get(u)]
    twice = [u for u in users if len(telegram.deliveries.get(u, [])) > 1]
    return (
        f"{len(answered)}/{len(users)} users answered ({len(users) - len(answered)} never), {len(twice)} answered twice; "
        f"killed after {before_kill} answers; all answered {elapsed:.1f} s after the burst"
        if len(answered) == len(users)
        else f"{len(answered)}/{len(users)} users answered ({len(users) - len(answered)} never), {len(twice)} answered twice; killed after {before_kill} answers"
    )


async def group_flood(root: Path) -> str:
    """150 questions queued by one group, then one private question: the private user's wait."""
    bot, group = [sys.executable, "-m", "bot", "run"], -100777
    with tempfile.TemporaryDirectory() as folder:
        telegram = TimedTelegram()
        process, server = await start(bot, telegram, Path(folder), root=root, **FLOOD_LIMIT_ON)
        for index in range(150):
            telegram.push(
                telegram.user_message(
                    "@convention_test_bot durée de la convention ?", user_id=7000 + index % 7, chat_id=group,
                    chat_type="supergroup",
                )
            )  # fmt: skip
        while not telegram.deliveries.get(group):
            await asyncio.sleep(0.01)
        await asyncio.sleep(1)
        asked = time.monotonic()
        telegram.push(telegram.user_message("tribunal compétent ?", user_id=7999))
        while not telegram.deliveries.get(7999) and time.monotonic() - asked < 120:
            await asyncio.sleep(0.01)
        waited = telegram.deliveries[7999][0][0] - asked if telegram.deliveries.get(7999) else None
        group_answers = len(telegram.deliveries.get(group, []))
        process.kill()
        await process.wait()
        await server.stop()
    shown = f"{waited:.2f} s" if waited is not None else "no answer within 120 s"
    return f"private user answered in {shown} (the group had {group_answers} of its 150 answers)"


async def load_only(root: Path) -> str:
    """Case 1 on a smaller scale (200 users x 5 questions), to compare two versions on one machine."""
    with tempfile.TemporaryDirectory() as folder:
        telegram = TimedTelegram()
        process, server = await start([sys.executable, "-m", "bot", "run"], telegram, Path(folder), root=root)
        elapsed, _ = await push_and_wait(telegram, range(1, 201), 5, timeout=300)
        await stop(process, server)
    return f"{1000 / elapsed:.0f} replies/s"


async def reliability(before: Path | None) -> None:
    versions = [("this version", ROOT)] + ([("before", before)] if before else [])
    if before:  # what the journal costs: the same load, one version after the other, twice
        for round_number in (1, 2):
            for name, root in versions:
                print(f"load (200 users x 5 questions), {name}, round {round_number}: {await load_only(root)}")
    for name, root in versions:
        print(f"kill -9 during a 120-user burst, {name}: {await kill_during_a_burst(root)}")
    for name, root in versions:
        print(f"group flood (150 questions queued), {name}: {await group_flood(root)}")


async def main(quick: bool, before: Path | None, only_reliability: bool) -> None:
    if only_reliability:
        await reliability(before)
        return
    bot = [sys.executable, "-m", "bot", "run"]
    with tempfile.TemporaryDirectory() as folder:
        telegram = TimedTelegram()
        process, server = await start(bot, telegram, Path(folder))
        users, per_user = (range(1, 51), 4) if quick else (range(1, 201), 10)
        elapsed, latencies = await push_and_wait(telegram, users, per_user, timeout=300)
        latencies.sort()
        count = len(latencies)
        print(
            f"load: {len(users)} users x {per_user} questions = {count} answers, each exactly once, in {elapsed:.1f} s"
        )
        print(
            f"      {count / elapsed:.0f} replies/s; latency median {statistics.median(latencies):.0f} ms, "
            f"p99 {latencies[int(count * 0.99) - 1]:.0f} ms"
        )

        soak_total = 2_000 if quick else 20_000
        rss_start = rss_kib(process.pid)
        soak_users = range(100_000, 100_500)
        started = time.monotonic()
        for _ in range(soak_total // len(soak_users)):
            telegram.deliveries.clear()
            await push_and_wait(telegram, soak_users, 1, timeout=120)
        rss_end = rss_kib(process.pid)
        print(
            f"soak: {soak_total} messages in {time.monotonic() - started:.0f} s; RSS {rss_start / 1024:.1f} MiB "
            f"at start, {rss_end / 1024:.1f} MiB at end ({(rss_end - rss_start) / 1024:+.1f} MiB)"
        )
        await stop(process, server)

    results = {}
    for name, command in [
        ("convention-bot", bot),
        ("echo bot (PTB defaults)", [sys.executable, "benchmarks/echo_bot.py"]),
    ]:
        with tempfile.TemporaryDirectory() as folder:
            telegram = TimedTelegram()
            telegram.delay = 0.05
            process, server = await start(command, telegram, Path(folder))
            users = range(1, 11)
            elapsed, _ = await push_and_wait(telegram, users, 30, timeout=300)
            ordered = in_order(telegram, users, 30) if name == "convention-bot" else True
            await stop(process, server)
        results[name] = elapsed
        print(
            f"slow network (50 ms per call), 10 users x 30 questions, {name}: {elapsed:.1f} s"
            + ("" if name != "convention-bot" else f"; each chat answered in order: {ordered}")
        )
    ratio = results["echo bot (PTB defaults)"] / results["convention-bot"]
    print(f"slow network: convention-bot is {ratio:.1f} times faster than the bare echo bot")
    await reliability(before)


if __name__ == "__main__":
    logging.getLogger("aiohttp.server").setLevel(logging.CRITICAL)  # a killed bot's cut connections
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="smaller load and soak, for a quick check")
    parser.add_argument("--before", type=Path, help="an earlier version's folder, for the kill -9 and flood cases")
    parser.add_argument("--only-reliability", action="store_true", help="only the kill -9 and group-flood cases")
    arguments = parser.parse_args()
    asyncio.run(main(arguments.quick, arguments.before, arguments.only_reliability))
