"""The commands that change or produce files: each reads the repository, checks it,
and returns (message for the user, exit code); the CLI only prints it.

One module per command family, named after what it does; `preconditions` holds
what they all require first (a valid repository, a known unit), and every write
goes through `generator.source.atomic`.
"""
