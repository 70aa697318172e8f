"""Benchmarks of Agora's matchmaking engines: `python -m matchmaker.bench all|published|...`.

Each sub-command is a module of this package registered in `__main__.COMMANDS`; results are
printed as markdown and written as JSON under bench-out/.
"""
