"""Every verb of `rkt`: one function each, reading the repository, checking it and returning
one `Outcome` (what to print on stdout and stderr, the exit code); cli.py only wires argparse
to them and prints the Outcome.

One module per command family, named after what it does; `preconditions` holds what they
all require first (a valid repository, a known unit, an existing cycle), `guard` what frames
every run (the repository a command needs, the Outcome of an exception), and every write
goes through `generator.source.atomic`.
"""
