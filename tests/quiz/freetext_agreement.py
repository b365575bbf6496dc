"""Per-point agreement of the free-text checker with the hand-written verdicts (a script).

    python tests/quiz/freetext_agreement.py             # the test set (freetext_answers.py)
    python tests/quiz/freetext_agreement.py --heldout   # the held-out set (freetext_heldout.py)
    python tests/quiz/freetext_agreement.py --blind     # the set measured once (freetext_blind.py)
    python tests/quiz/freetext_agreement.py --blind2    # measured once after all tuning, left as is

Prints every disagreement and the agreement per point and on ``review``.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

if "--heldout" in sys.argv:
    from freetext_heldout import CASES  # noqa: E402
elif "--blind2" in sys.argv:
    from freetext_blind2 import CASES  # noqa: E402
elif "--blind" in sys.argv:
    from freetext_blind import CASES  # noqa: E402
else:
    from freetext_answers import CASES  # noqa: E402

from rnn_grader.quiz.check import get_item  # noqa: E402
from rnn_grader.quiz.freetext.grade import grade, interpreted  # noqa: E402


def main() -> None:
    agree = total = review_agree = review_total = 0
    for item_id, cases in CASES.items():
        rubric = get_item(item_id).rubric
        for kind, answer, expected, review in cases:
            result = grade(rubric, answer)
            got = {v.id: v.found for v in result.points}
            for point, found in expected.items():
                total += 1
                agree += got[point] == found
            if review is not None:
                review_total += 1
                review_agree += result.review == review
            if got != expected or (review is not None and result.review != review):
                print(f"{item_id} [{kind}] {answer}\n   expected {expected} review={review}\n"
                      f"   got      {got} review={result.review} {result.reasons}\n   read {interpreted(result)}")
    print(f"points: {agree}/{total} = {100 * agree / total:.1f}%   "
          f"review: {review_agree}/{review_total} = {100 * review_agree / max(1, review_total):.1f}%")


if __name__ == "__main__":
    main()
