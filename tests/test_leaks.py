"""The leak check: a two-hop prompt that names its bridge (e2) or answer (e3) in any form."""

from __future__ import annotations

from pathlib import Path

import pytest

from mechhop.data.compose import bundled_queries
from mechhop.data.leaks import demonyms, is_abbreviation, leak_forms, prompt_leak_forms, prompt_leaks
from mechhop.data.matching import contains_answer
from mechhop.data.schema import TwoHopQuery

COUNTRIES_TSV = Path(__file__).parents[1] / "data" / "facts" / "countries.tsv"


@pytest.fixture(scope="module")
def bundled():
    return bundled_queries()


def find(queries, e1_label: str, r2_template: str) -> TwoHopQuery:
    found = [q for q in queries if q.e1_label == e1_label and q.r2_template == r2_template]
    assert found, (e1_label, r2_template)
    return found[0]


def query(e1: str, e2: str, e3: str, e2_aliases=(), e3_aliases=()) -> TwoHopQuery:
    return TwoHopQuery(
        id="t", e1=e1, r1="P495", e2=e2, r2="P36", e3=e3, e1_label=e1, e2_label=e2, e3_label=e3,
        r1_template="the country of origin of {}", r2_template="the capital of {}",
        e2_aliases=tuple(e2_aliases), e3_aliases=tuple(e3_aliases),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("e1_label", "r2_template", "entity", "country", "form"),
    [
        ("Danmarks Nationalbank", "the country of {}", "e3", "Denmark", "Danmarks"),
        ("Portuguese Water Dog", "the capital of {}", "e2", "Portugal", "Portuguese"),
        ("Irish stew", "the capital of {}", "e2", "Ireland", "Irish"),
        ("Turkish coffee", "the capital of {}", "e2", "Turkey", "Turkish"),
        ("Greek salad", "the capital of {}", "e2", "Greece", "Greek"),
        ("Norges Bank", "the country of {}", "e3", "Norway", "Norges"),
        ("Siamese cat", "the capital of {}", "e2", "Thailand", "Siamese"),
    ],
)
def test_known_leaks_of_the_bundled_data_are_flagged(bundled, e1_label, r2_template, entity, country, form):
    q = find(bundled, e1_label, r2_template)
    assert getattr(q, f"{entity}_label") == country
    assert entity in prompt_leaks(q)
    assert prompt_leak_forms(q)[entity] == (form,)
    # the narrower answer_in_prompt test (e3's label and aliases only) misses every one of them
    assert not contains_answer(q.two_hop_prompt, q.answers("e3"), "word")


def test_clean_prompts_are_not_flagged(bundled):
    obama = find(bundled, "Barack Obama", "the capital of {}")
    assert obama.two_hop_prompt == "the capital of the country of citizenship of Barack Obama is"
    assert prompt_leaks(obama) == () and prompt_leak_forms(obama) == {}
    assert prompt_leaks(find(bundled, "Imagine", "the country of citizenship of {}")) == ()


def test_forms_match_as_whole_words_in_any_case_with_inflections():
    denmark = query("x", "Denmark", "Copenhagen", e2_aliases=("Kingdom of Denmark",))
    for prompt, named in [
        ("the capital of the country of origin of Denmark's Got Talent is", ("e2",)),
        ("the capital of the country of origin of the great danes is", ("e2",)),  # plural, any case
        ("the capital of the country of origin of DANISH pastry is", ("e2",)),
        ("the capital of the country of origin of Sveriges Radio is", ()),
        ("the capital of the country of origin of Danishwood is", ()),  # inside a word: not named
        ("the capital of the country of origin of Copenhagen Fashion Week is", ("e3",)),
        ("the capital of the country of origin of Dane Cook and Copenhagen is", ("e2", "e3")),
    ]:
        assert prompt_leaks(denmark, prompt) == named, prompt
    turkey = query("x", "Turkey", "Ankara", e2_aliases=("Türkiye", "Republic of Türkiye", "Turkiye"))
    assert prompt_leaks(turkey, "the capital of the country of origin of Turkiye Petrolleri is") == ("e2",)
    assert prompt_leaks(turkey, "the capital of the country of origin of Türk Telekom is") == ("e2",)
    assert prompt_leaks(turkey, "the capital of the country of origin of the Young Turks is") == ("e2",)
    spain = query("x", "Spain", "Madrid")
    assert prompt_leaks(spain, "the capital of the country of origin of Radio Espana is") == ("e2",)
    oman = query("x", "Oman", "Muscat")
    assert prompt_leaks(oman, "the capital of the country of origin of Wonder Woman is") == ()
    niger = query("x", "Niger", "Niamey")
    assert prompt_leaks(niger, "the capital of the country of origin of Nigerian jollof is") == ()


def test_abbreviations_match_only_in_capitals(bundled):
    us = query("x", "United States", "Washington, D.C.", e2_aliases=("USA", "US", "U.S."))
    assert prompt_leaks(us, "the capital of the country of origin of US Airways is") == ("e2",)
    assert prompt_leaks(us, "the capital of the country of origin of Born in the U.S.A. is") == ("e2",)
    assert prompt_leaks(us, "the capital of the country of origin of Among Us is") == ()
    assert prompt_leaks(us, "the capital of the country of origin of American Pie is") == ("e2",)
    assert is_abbreviation("U.S.A.") and is_abbreviation("DPRK") and not is_abbreviation("Lao")
    among_us = find(bundled, "Among Us", "the capital of {}")
    assert among_us.e2_label == "United States" and prompt_leaks(among_us) == ()


def test_leak_forms_list_the_label_aliases_demonyms_and_inflections():
    forms = leak_forms("Denmark", ("Kingdom of Denmark", "D"))
    for form in ("Denmark", "Denmark's", "Kingdom of Denmark", "Danish", "Dane", "Danes", "Danmarks"):
        assert form in forms
    assert "D" not in forms  # one-character aliases are not answer strings
    assert "Danish" not in leak_forms("Denmark", demonym_forms=False)
    assert "Turkiye" in leak_forms("Turkey") and "Espana" in leak_forms("Spain")  # accent-free
    assert "USs" not in leak_forms("United States")  # no plural of an abbreviation


def test_the_same_e1_twice_is_not_a_leak():
    q = query("Irish stew", "Canada", "Ottawa")
    assert prompt_leaks(q) == ()  # names Ireland, but neither e2 nor e3


def test_every_country_of_the_bundled_data_has_a_demonym_row(bundled):
    table = demonyms()
    labels = {getattr(q, f"{e}_label") for q in bundled for e in ("e1", "e2", "e3")
              if getattr(q, f"{e}_type") == "country"}  # fmt: skip
    assert len(labels) > 150
    assert sorted(labels - set(table)) == []
    lines = [
        ln for ln in COUNTRIES_TSV.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")
    ]
    facts = {ln.split("\t")[1] for ln in lines[1:]}
    assert sorted(facts - set(table)) == []
    assert all(table[label] for label in labels)  # at least one form each


def test_demonym_forms_are_not_short_common_words():
    common = {"pole", "poles", "finn", "swede", "us", "a", "an", "the", "man", "turkey", "china", "chad"}
    for label, forms in demonyms().items():
        for form in forms:
            assert form == form.strip() and form, label
            assert len(form.replace(".", "")) >= 3 or is_abbreviation(form), (label, form)
            assert form.lower() not in common or is_abbreviation(form), (label, form)


def test_bundled_counts_cover_the_answer_in_prompt_flag(bundled):
    """Every query whose prompt names e3 by label or alias is flagged, except where the only match
    is an abbreviation in the wrong case ("Among Us", "La La Land")."""
    missed = []
    for q in bundled:
        if contains_answer(q.two_hop_prompt, q.answers("e3"), "word") and "e3" not in prompt_leaks(q):
            missed.append(q)
    assert missed, "the answer_in_prompt test has false positives this check should avoid"
    for q in missed:
        spelled = [a for a in q.answers("e3") if not is_abbreviation(a)]
        assert not contains_answer(q.two_hop_prompt, spelled, "word"), q.two_hop_prompt
