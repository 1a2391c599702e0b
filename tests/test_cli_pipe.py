"""`convention-bot ask … | head -1`: a reader that leaves early gets no traceback on the terminal."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


@pytest.mark.slow  # a real process
def test_a_closed_pipe_ends_ask_without_a_traceback() -> None:
    command = [sys.executable, "-m", "bot", "ask", "--today", "2026-11-28", "Combien coûte une heure du CDG ?"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the answer is written: the write meets EPIPE
    errors = process.stderr.read().decode()
    process.stderr.close()
    assert process.wait(timeout=60) == 1
    assert "Traceback" not in errors and "BrokenPipeError" not in errors, errors
