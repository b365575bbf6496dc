"""Quiz item data: one ``<id>.toml`` file per item (format: ``grader/quiz/items.py``)."""
