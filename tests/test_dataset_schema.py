"""Two-hop query schema: prompts, the paper's CSV as is, round trips, and validation."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from mechhop.data.schema import DatasetError, PromptStyle, TwoHopDataset

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
        "relation_shortcut": "the spouse of the performer is",
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
    frame.loc[3, "e3_label"] = "Sushi"  # e1 == e3 (case-insensitive)
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
