"""Reading and writing files: the strict loader, schemas, the YAML writer, atomic writes, caches, git."""
