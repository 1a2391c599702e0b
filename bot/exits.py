"""The exit codes of every `convention-bot` command: 0 done, 1 failed, 2 wrong usage or configuration."""

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
