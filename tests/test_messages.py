"""Every learner-facing message exists in Japanese and English, with the same placeholders."""
import pytest

from rnn_grader.engine import all_exercises
from rnn_grader.messages import Text, catalog, default_lang


def declared_texts():
    """Every Text an exercise declaration holds: titles, check titles, misconception explanations."""
    for name, exercise in all_exercises().items():
        yield f"{name}.title", exercise.title
        for check in exercise.checks:
            yield f"{name}.{check.name}.title", check.title
            for wrong in getattr(check, "misconceptions", []):
                yield f"{name}.{check.name}.{wrong.name}", wrong.explanation


ALL = sorted([*catalog().items(), *declared_texts()], key=lambda kv: kv[0])


@pytest.mark.parametrize("key,text", ALL, ids=[k for k, _ in ALL])
def test_both_languages_with_the_same_placeholders(key, text):
    assert isinstance(text, Text)
    assert text.en.strip() and text.ja.strip(), key
    assert text.placeholders("en") == text.placeholders("ja"), key


def test_no_japanese_text_is_left_in_english():
    copies = [k for k, t in ALL if t.ja == t.en and any(c.isalpha() and c.isascii() for c in t.en)]
    assert copies == []


def test_missing_translation_is_refused():
    with pytest.raises(ValueError):
        Text(en="only English", ja="")


def test_language_follows_the_environment():
    assert default_lang({"LANG": "ja_JP.UTF-8"}) == "ja"
    assert default_lang({"LC_ALL": "en_US.UTF-8", "LANG": "ja_JP.UTF-8"}) == "en"
    assert default_lang({}) == "en"
    assert default_lang({"LC_ALL": "", "LANG": "ja_JP"}) == "ja"


def test_nested_messages_render_in_the_same_language():
    inner = Text(en="inner", ja="内側")
    outer = Text(en="outer: {detail}", ja="外側: {detail}").format(detail=inner)
    assert outer.render("en") == "outer: inner"
    assert outer.render("ja") == "外側: 内側"
