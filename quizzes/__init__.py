"""Quiz item data: one ``<id>.toml`` file per item (format: ``rnn_grader/quiz/items.py``)."""
