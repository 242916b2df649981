"""What the test modules share: helpers and constants. A test module imports from here (or uses a
fixture of conftest.py), never from another test module, so each module can be run, moved or
deleted alone."""
