import pytest

# The shared tests in standard.py hold plain asserts: have pytest show their values on failure.
pytest.register_assert_rewrite("tests.exercises.standard")
