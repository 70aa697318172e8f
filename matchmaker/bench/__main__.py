"""python -m matchmaker.bench all|published|partnering|... [options]: run Agora's benchmarks.

Every sub-command is a module with `main(argv) -> int` and a one-line docstring, registered in
COMMANDS by its dotted path, so that adding a benchmark is one line here and the registry costs
no import until the sub-command runs (a Django-side benchmark is registered the same way, from
its app, which keeps `matchmaker` free of Django imports). `all` runs each one with its defaults.
"""

import importlib
import sys

COMMANDS: dict[str, str] = {
    "published": "matchmaker.bench.published",
    "partnering": "matchmaker.bench.partnering",
    "rescheduling": "matchmaker.bench.rescheduling",
    "assignment": "matchmaker.bench.assignment",
}


def usage() -> str:
    """The list of sub-commands with their one-line descriptions."""
    lines = ["usage: python -m matchmaker.bench all|COMMAND [options]", "", "commands:"]
    for name, module in COMMANDS.items():
        summary = (importlib.import_module(module).__doc__ or "").strip().splitlines()[0]
        lines.append(f"  {name:<12} {summary}")
    lines.append(f"  {'all':<12} every command above, with its defaults")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    """Run one benchmark with its options, or all of them with their defaults."""
    if not argv or argv[0] in ("-h", "--help"):
        sys.stdout.write(usage())
        return 0 if argv else 2
    name, options = argv[0], argv[1:]
    if name == "all":
        statuses = [importlib.import_module(module).main([]) for module in COMMANDS.values()]
        return max(statuses)
    if name not in COMMANDS:
        sys.stderr.write(f"unknown benchmark {name!r}\n" + usage())
        return 2
    return int(importlib.import_module(COMMANDS[name]).main(options))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
