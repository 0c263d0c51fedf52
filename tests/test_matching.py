"""Answer matching (docs/method/index.md) and the description rule (docs/method/patchscopes.md) in
both modes, on hand-made strings."""

from __future__ import annotations

import pandas as pd
import pytest

from mechhop.analyses.backpatching import resucceed
from mechhop.data.matching import check_matching, contains_answer, describes
from mechhop.data.schema import TwoHopDataset, TwoHopQuery
from mechhop.errors import MechhopError

US = ("United States", "US", "USA")


@pytest.mark.parametrize(
    ("text", "answers", "word", "paper"),
    [
        # short aliases inside longer words: the paper's substring test over-accepts them
        ("Australia", US, False, True),
        ("the Russian Federation", US, False, True),
        ("a museum of music", US, False, True),
        ("a country that has been ruled by the Japanese government", ("Japan",), False, True),
        ("Kyoto", ("Tokyo",), False, False),
        # whole words, any case, bounded by punctuation or the text's ends
        ("the US dollar", US, True, True),
        ("US", US, True, True),
        ("(US)", US, True, True),
        ("the us.", US, True, True),
        ("TOKYO.", ("Tokyo",), True, True),
        ("  Japan\n is", ("Japan",), True, True),
        ("Japan's capital", ("Japan",), True, True),
        # multi-word answers, newlines read as spaces
        (" Yoko\nOno, an artist", ("Yoko Ono",), True, True),
        ("Yoko Onomatopoeia", ("Yoko Ono",), False, True),
        ("the Yoko Ono Lennon estate", ("Yoko Ono", "Yoko Ono Lennon"), True, True),
        # a later occurrence can stand as a word when an earlier one does not
        ("Australia and the US", US, True, True),
        ("anything", ("",), False, False),
        ("2024 and 1984", ("984",), False, True),
    ],
)
def test_answer_check_in_both_modes(text, answers, word, paper):
    assert contains_answer(text, answers, "word") is word
    assert contains_answer(text, answers, "paper") is paper


@pytest.mark.parametrize(
    ("text", "answers", "word", "paper"),
    [
        (": US Dollar is the currency", ("US dollar",), True, True),  # case-insensitive in both modes
        (": us dollar, the", ("US dollar",), True, True),
        (": John Lennon.", ("John Lennon",), True, True),
        ("John Lennon: John Lennon", ("John Lennon",), True, True),
        (": John Lennonism", ("John Lennon",), False, False),
        ("about John Lennon", ("John Lennon",), False, False),
        ("Belarus: Belarus is a country", ("US",), False, True),  # "a: " must start a word
        ("US: a country", ("US",), True, True),
        (", US: the United States", ("US",), True, True),
    ],
)
def test_description_rule_in_both_modes(text, answers, word, paper):
    assert describes(text, answers, "word") is word
    assert describes(text, answers, "paper") is paper


def test_an_unknown_mode_is_a_clear_error():
    with pytest.raises(MechhopError, match="valid: word, paper"):
        check_matching("exact")
    with pytest.raises(MechhopError, match="Unknown answer matching 'Word'"):
        contains_answer("x", ("x",), "Word")  # type: ignore[arg-type]


def _currency_query(i: int, country: str, currency: str, aliases: tuple[str, ...]) -> TwoHopQuery:
    return TwoHopQuery(
        id=f"q{i}", e1=f"E{i}", r1="P17", e2=country, r2="P38", e3=currency, e1_label=f"E{i}",
        e2_label=country, e3_label=currency, e3_aliases=aliases, r1_template="the country of {}",
        r2_template="the currency of {}",
    )  # fmt: skip


def test_names_shared_between_entities_can_be_left_out_of_the_answers():
    data = TwoHopDataset(
        [
            _currency_query(0, "Canada", "Canadian dollar", ("dollar", "loonie")),
            _currency_query(1, "Australia", "Australian dollar", ("dollar",)),
            _currency_query(2, "Japan", "yen", ("JPY",)),
        ]
    )
    shared = data.shared_names()
    assert shared == {"dollar"}
    canada = data.by_id("q0")
    assert canada.answers("e3") == ("Canadian dollar", "dollar", "loonie")
    assert canada.answers("e3", shared) == ("Canadian dollar", "loonie")
    table = pd.DataFrame(
        {
            "query_id": ["q0", "q0", "q0", "q2"],
            "generation": [" the Newfoundland Dollar.", " the Canadian dollar.", " the loonie", " the yen"],
        }
    )
    assert resucceed(table, data).tolist() == [True, True, True, True]  # the authors' answers
    assert resucceed(table, data, shared=shared).tolist() == [False, True, True, True]
