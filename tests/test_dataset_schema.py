"""Two-hop query schema: prompts, the paper's CSV as is, round trips, and validation."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from mechhop.data.compose import compose
from mechhop.data.schema import DatasetError, DatasetWarning, PromptStyle, TwoHopDataset

DATA = Path(__file__).parent / "data"


def paper_dataset() -> TwoHopDataset:
    return TwoHopDataset.read(DATA / "two_hop_paper_format.csv")


def test_paper_csv_loads_as_is():
    ds = paper_dataset()
    assert len(ds) == 2
    q = ds.by_id("17")
    assert (q.e1, q.r1, q.e3) == ("Q210457", "P175", "Q117012")
    assert q.e2_aliases == ("John Winston Lennon", "John Ono Lennon")
    assert q.e3_aliases == ("Yoko Ono Lennon", "Ono Yoko")
    assert q.e2_popularity == 350.5
    assert q.relation_pair == "performer -> spouse"


def test_prompts_follow_the_method():
    q = paper_dataset().by_id("17")
    assert q.prompts() == {
        "two_hop": "the spouse of the performer of Imagine is",
        "first_hop": "the performer of Imagine is",
        "second_hop": "the spouse of John Lennon is",
        "entity_shortcut": "the spouse of Imagine is",
        "relation_shortcut": "the spouse of the performer",  # no " is", as the authors
    }
    styled = PromptStyle(capitalize=True, prefix="Q: ")
    assert q.prompt_text("two_hop", styled) == "Q: The spouse of the performer of Imagine is"
    assert q.answers("e3") == ("Yoko Ono", "Yoko Ono Lennon", "Ono Yoko")


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_round_trip_through_every_format(tmp_path, suffix):
    ds = paper_dataset()
    path = ds.write(tmp_path / f"queries{suffix}")
    again = TwoHopDataset.read(path)
    assert list(again) == list(ds)


def test_plain_user_csv_with_labels_and_templates(tmp_path):
    path = tmp_path / "mine.csv"
    pd.DataFrame(
        [{"e1": "Imagine", "r1": "performer", "e2": "John Lennon", "r2": "spouse", "e3": "Yoko Ono",
          "r1_template": "the performer of {}", "r2_template": "the spouse of {}"}]
    ).to_csv(path, index=False)  # fmt: skip
    (q,) = TwoHopDataset.read(path)
    assert q.e1_label == "Imagine" and q.e1_aliases == ()
    assert q.two_hop_prompt == "the spouse of the performer of Imagine is"


def test_validation_reports_every_bad_row_at_once(tmp_path):
    frame = pd.read_csv(DATA / "two_hop_paper_format.csv", dtype=str, keep_default_na=False)
    frame = pd.concat([frame] * 3, ignore_index=True)
    frame["id"] = [str(i) for i in range(len(frame))]
    frame.loc[1, "r1_template"] = "the performer of"  # no slot
    frame.loc[2, "e2_label"] = ""  # empty label, and no id to fall back on
    frame.loc[2, "e2"] = ""
    frame.loc[3, "e3_label"] = "Sushi"  # e1 == e3 (same id, label equal case-insensitively)
    frame.loc[3, "e3"] = frame.loc[3, "e1"]
    frame.loc[4, "e1_aliases"] = "['unclosed"
    path = tmp_path / "bad.csv"
    frame.to_csv(path, index=False)
    with pytest.raises(DatasetError) as info:
        TwoHopDataset.read(path)
    text = str(info.value)
    assert "4 problem(s) in 4 of 6 rows" in text
    assert "row 1: r1_template: template 'the performer of' has no '{}' slot (file line 3)" in text
    assert "row 2: e2_label: empty entity label" in text
    assert "row 3: e1/e3: e1 and e3 are the same entity ('sushi')" in text
    assert "row 4: e1_aliases: unparsable aliases" in text
    assert "nothing was dropped" in text


def test_missing_columns_and_files_are_clear(tmp_path):
    path = tmp_path / "few.csv"
    pd.DataFrame([{"e1": "a", "e2": "b"}]).to_csv(path, index=False)
    with pytest.raises(DatasetError, match=r"missing column\(s\) \['r1', 'r2', 'e3'"):
        TwoHopDataset.read(path)
    with pytest.raises(DatasetError, match="does not exist"):
        TwoHopDataset.read(tmp_path / "nope.csv")
    with pytest.raises(DatasetError, match=r"Unsupported dataset format '\.xlsx'"):
        TwoHopDataset.read(path.rename(tmp_path / "few.xlsx"))


def test_paper_csv_with_repeated_labels_loads_with_a_warning_naming_the_rows(tmp_path):
    frame = pd.read_csv(DATA / "two_hop_paper_format.csv", dtype=str, keep_default_na=False)
    frame.loc[1, "e3_label"] = frame.loc[1, "e1_label"]  # two entities (different ids), one label
    path = tmp_path / "same_label.csv"
    frame.to_csv(path, index=False)
    expected = r"1 row\(s\) name two different entities.*row 1: e1 and e3 share"
    with pytest.warns(DatasetWarning, match=expected):
        ds = TwoHopDataset.read(path)
    assert len(ds) == 2  # nothing dropped, as the authors filter by entity id only


def _facts(*rows):
    columns = ["subject", "relation", "object"]
    return pd.DataFrame(rows, columns=columns)


AUTHORS_PROMPTS = {
    # relation before entity: the authors' rbe templates, " is" except the relation shortcut
    "before": {
        "two_hop": "the national anthem of the country of origin of Sushi is",
        "first_hop": "the country of origin of Sushi is",
        "second_hop": "the national anthem of Japan is",
        "entity_shortcut": "the national anthem of Sushi is",
        "relation_shortcut": "the national anthem of the country of origin",
    },
    # relation after entity: r2 after its subject, never " is" (first hop keeps r1 before)
    "after": {
        "two_hop": "the country of origin of Sushi has a national anthem named",
        "first_hop": "the country of origin of Sushi is",
        "second_hop": "Japan has a national anthem named",
        "entity_shortcut": "Sushi has a national anthem named",
        "relation_shortcut": "the country of origin has a national anthem named",
    },
}


@pytest.mark.parametrize("form", ["before", "after"])
def test_every_prompt_with_the_authors_templates_in_both_variants(form):
    facts = _facts(("Sushi", "country of origin", "Japan"), ("Japan", "anthem", "Kimigayo"))
    (q,) = compose(facts, r2_form=form)
    assert q.r2_form == form
    assert q.prompts() == AUTHORS_PROMPTS[form]
    (back,) = compose(facts).with_r2_form(form)
    assert back.prompts() == AUTHORS_PROMPTS[form]


@pytest.mark.parametrize(
    ("relation", "before", "after"),
    [
        ("anthem", "the national anthem of X is", "X has a national anthem named"),
        ("notable work", "the most notable work of X is", "X is the most notable work of"),
        ("production company", "the company that produced X is", "X is produced by the company"),
        ("chief executive officer", "the chief executive officer of X is",
         "X is led by a chief executive officer named"),
        ("present in work", "the work that features X is", "X is featured in the work"),
        ("chief operating officer", "the chief operating officer of X is",
         "X is led by a chief operating officer named"),
    ],
)  # fmt: skip
def test_templates_use_the_authors_wording(relation, before, after):
    from mechhop.data.relations import relation as lookup

    rel = lookup(relation)
    facts = _facts(("A", "country of origin", "X"), ("X", relation, "B"))
    for form, expected in (("before", before), ("after", after)):
        (q,) = compose(facts, r2_form=form)
        assert q.prompt_text("second_hop") == expected
        assert rel.template_for(form).format("X") == expected.removesuffix(" is")


def test_bridge_balanced_sampling_caps_each_bridge_entity():
    facts = _facts(
        *[(f"dish{i}", "country of origin", "Japan") for i in range(8)],
        *[(f"car{i}", "country of origin", "Italy") for i in range(3)],
        ("Japan", "capital", "Tokyo"), ("Italy", "capital", "Rome"),
        ("Japan", "currency", "yen"), ("Italy", "currency", "euro"),
    )  # fmt: skip
    ds = compose(facts)
    assert ds.bridges()["queries"].tolist() == [16, 6]
    capped = ds.balanced(max_per_bridge=3, seed=1)
    counts = capped.bridges().set_index("bridge")["queries"].to_dict()
    assert counts == {"Japan": 3, "Italy": 3}
    both = ds.balanced(max_per_pair=2, max_per_bridge=3, seed=1)
    assert max(both.bridges()["queries"]) <= 3 and max(both.summary()["queries"]) <= 2
    assert list(ds.balanced(max_per_bridge=3, seed=1)) == list(capped)  # reproducible
    with pytest.raises(DatasetError, match="max_per_bridge must be at least 1"):
        ds.balanced(max_per_bridge=0)
