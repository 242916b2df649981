"""New repositories and their first files: init, demo, templates."""
