"""Sublayer projection (docs/method/projection.md): ranks, the projection path, batching, the table,
resuming."""

from __future__ import annotations

import pandas as pd
import pytest
import torch
from tokenizers import Regex, Tokenizer, decoders, models, pre_tokenizers
from transformers import PreTrainedTokenizerFast

import mechhop
import mechhop.analyses.projection.run as projection
from mechhop import MechhopError, Project, Recipe, Record, Site
from mechhop.analyses.projection import (
    TABLE_COLUMNS,
    ProjectionConfig,
    first_token_candidates,
    last_position_outputs,
    lowest_layer_ranked_first,
    ranks_of,
    sublayer_projection,
    summarize_projection,
)
from mechhop.core.apply import assert_no_hooks
from mechhop.data.schema import TwoHopQuery
from mechhop.engine.runs import load_result
from tests.conftest import TINY_CONFIGS, make_tiny

PROMPTS = [[5, 9, 11, 3, 7, 2], [4, 8, 15], [1, 30]]
CHARS = " abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def char_tokenizer() -> PreTrainedTokenizerFast:
    """One token per character (59 ids fit the tiny models' 61): real strings, no download."""
    vocab = {"<unk>": 0, "<eos>": 1, **{c: i + 2 for i, c in enumerate(CHARS)}}
    tok = Tokenizer(models.WordLevel(vocab, unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.Split(Regex("."), behavior="isolated")
    tok.decoder = decoders.Fuse()
    return PreTrainedTokenizerFast(
        tokenizer_object=tok, unk_token="<unk>", eos_token="<eos>", pad_token="<eos>"
    )


@pytest.fixture(params=sorted(TINY_CONFIGS), scope="module")
def tiny_tok(request):
    model = make_tiny(request.param)
    model.set_tokenizer(char_tokenizer(), default_padding_side="left")
    return model


def query(qid: str, e1: str, e2: str, e3: str, e2_aliases: tuple[str, ...] = ()) -> TwoHopQuery:
    return TwoHopQuery(
        id=qid, e1=e1, r1="P175", e2=e2, r2="P26", e3=e3, e1_label=e1, e2_label=e2, e3_label=e3,
        r1_template="the performer of {}", r2_template="the spouse of {}", e2_aliases=e2_aliases,
    )  # fmt: skip


# Prompts of different lengths, so a batch is left-padded; three queries with batch_size=2
# also leave a partial batch.
QUERIES = [
    query("q1", "Imagine", "John Lennon", "Yoko Ono", e2_aliases=("Lennon", "J")),
    query("q2", "Hey", "Paul", "Linda"),
    query("q3", "Help Me Now Please Do", "Ringo Starr", "Barbara Bach"),
]


# -- ranks --------------------------------------------------------------------------------------
def test_ranks_of_counts_strictly_larger_logits_and_takes_the_best_id():
    logits = torch.tensor([[1.0, 3.0, 3.0, 0.0, 2.0], [5.0, 4.0, 3.0, 2.0, 1.0]])
    assert ranks_of(logits, [1]).tolist() == [0, 1]
    assert ranks_of(logits, [2]).tolist() == [0, 2]  # tied with id 1: both rank 0
    assert ranks_of(logits, [4]).tolist() == [2, 4]  # behind the two tied 3.0s
    assert ranks_of(logits, [0]).tolist() == [3, 0]
    assert ranks_of(logits, [3, 4]).tolist() == [2, 3]  # best of the two
    assert ranks_of(logits, [3, 0, 4]).tolist() == [2, 0]
    assert ranks_of(logits[0], [4]).item() == 2  # any leading shape
    assert ranks_of(logits[None].expand(3, 2, 5), [4]).tolist() == [[2, 4]] * 3
    assert ranks_of(torch.zeros(7), [6]).item() == 0  # all tied: everyone is first
    assert ranks_of(logits, [0]).dtype == torch.int64


def test_ranks_of_rejects_no_ids_and_ids_outside_the_vocabulary():
    with pytest.raises(MechhopError, match="at least one"):
        ranks_of(torch.zeros(5), [])
    with pytest.raises(MechhopError, match="outside the vocabulary"):
        ranks_of(torch.zeros(5), [2, 5])


def test_config_is_validated():
    assert ProjectionConfig(sublayers=["mlp"]).sublayers == ("mlp",)  # type: ignore[arg-type]
    for bad in (dict(top_k=0), dict(batch_size=-1), dict(top_k=True), dict(top_k=2.0)):
        with pytest.raises(MechhopError, match="positive int"):
            ProjectionConfig(**bad)  # type: ignore[arg-type]
    with pytest.raises(MechhopError, match="Did you mean 'mlp'"):
        ProjectionConfig(sublayers=("attn", "mlpp"))  # type: ignore[arg-type]
    with pytest.raises(MechhopError, match="empty"):
        ProjectionConfig(sublayers=())
    with pytest.raises(MechhopError, match="repeats"):
        ProjectionConfig(sublayers=("attn", "attn"))


# -- the forward pass and the projection path -----------------------------------------------------
def test_recorded_vectors_are_attn_out_and_mlp_out_at_the_last_token(tiny):
    out = last_position_outputs(tiny, [PROMPTS[0]])
    _, cache = tiny.run_with_cache(torch.tensor([PROMPTS[0]]))
    for layer in range(tiny.cfg.n_layers):
        assert torch.equal(out.vectors[0, layer, 0], cache[f"blocks.{layer}.hook_attn_out"][0, -1])
        assert torch.equal(out.vectors[0, layer, 1], cache[f"blocks.{layer}.hook_mlp_out"][0, -1])
    mlp_only = last_position_outputs(tiny, [PROMPTS[0]], ("mlp",))
    assert mlp_only.vectors.shape == (1, tiny.cfg.n_layers, 1, tiny.cfg.d_model)
    assert torch.equal(mlp_only.vectors[:, :, 0], out.vectors[:, :, 1])
    assert_no_hooks(tiny)


def test_projecting_the_rebuilt_final_residual_gives_the_models_own_logits(tiny):
    # resid_post of the last block = resid_pre of block 0 + every attn_out and mlp_out; through
    # the final norm and unembedding it must give the model's logits: the path the table uses.
    for prompt in PROMPTS:
        out = last_position_outputs(tiny, [prompt])
        start = mechhop.run(tiny, [prompt], Recipe(Record(Site("resid_pre", 0, -1), name="r"))).records["r"]
        resid = start + out.vectors.sum(dim=(1, 2))
        own = tiny(torch.tensor([prompt]))[:, -1]
        torch.testing.assert_close(out.project(resid), own, atol=1e-4, rtol=1e-4)
        torch.testing.assert_close(out.final_logits, own)
        assert out.final_logits.dtype == torch.float32


def test_a_left_padded_batch_records_what_each_prompt_gives_alone(tiny):
    batched = last_position_outputs(tiny, PROMPTS)
    assert batched.batch.pad(1) > 0 and batched.batch.pad(2) > 0
    for row, prompt in enumerate(PROMPTS):
        alone = last_position_outputs(tiny, [prompt])
        torch.testing.assert_close(batched.vectors[row], alone.vectors[0], atol=1e-5, rtol=1e-5)
        torch.testing.assert_close(batched.final_logits[row], alone.final_logits[0], atol=1e-5, rtol=1e-5)
        torch.testing.assert_close(batched.logits()[row], alone.logits()[0], atol=1e-4, rtol=1e-4)


# -- candidates and the table -----------------------------------------------------------------
def test_first_token_candidates_cover_case_and_leading_space(tiny_tok):
    ids = {c: tiny_tok.to_single_token(c) for c in " JjLl"}
    got = first_token_candidates(tiny_tok, QUERIES[0], "e2")
    assert got == {
        " John Lennon": ids[" "], "John Lennon": ids["J"], " john lennon": ids[" "], "john lennon": ids["j"],
        " Lennon": ids[" "], "Lennon": ids["L"], " lennon": ids[" "], "lennon": ids["l"],
    }  # fmt: skip  # the one-character alias "J" is not an answer string
    assert list(got)[:4] == [" John Lennon", "John Lennon", " john lennon", "john lennon"]
    # answers are tokenised without BOS even where prompts get one
    tiny_tok.cfg.default_prepend_bos = True
    try:
        assert tiny_tok.to_tokens("John")[0, 0].item() == tiny_tok.tokenizer.bos_token_id
        assert first_token_candidates(tiny_tok, QUERIES[0], "e2") == got
    finally:
        tiny_tok.cfg.default_prepend_bos = False


def brute_rank(logits: torch.Tensor, token: int) -> int:
    """Rank by sorting: the index of the token's logit in the descending list (first of ties)."""
    return sorted(logits.tolist(), reverse=True).index(logits[token].item())


def test_table_equals_a_direct_projection_of_each_query_alone(tiny_tok):
    res = sublayer_projection(tiny_tok, QUERIES, ProjectionConfig(top_k=5, batch_size=2), progress=False)
    table = res.table
    n_layers = tiny_tok.cfg.n_layers
    assert list(table.columns) == list(TABLE_COLUMNS)
    assert len(table) == len(QUERIES) * n_layers * 2
    assert_no_hooks(tiny_tok)
    for q in QUERIES:
        prompt = q.two_hop_prompt
        steps = [
            Project(Site(kind, layer, -1), name=f"{sub}{layer}")
            for layer in range(n_layers)
            for sub, kind in (("attn", "attn_out"), ("mlp", "mlp_out"))
        ]
        ref = mechhop.run(tiny_tok, [prompt], Recipe(*steps))
        own = tiny_tok(prompt)[0, -1]
        cands = {e: first_token_candidates(tiny_tok, q, e) for e in ("e2", "e3")}
        rows = table[table["query_id"] == q.id]
        assert rows[["layer", "sublayer"]].values.tolist() == [
            [layer, sub] for layer in range(n_layers) for sub in ("attn", "mlp")
        ]
        for r in rows.itertuples():
            logits = ref.records[f"{r.sublayer}{r.layer}"][0]
            assert r.top_ids == logits.topk(5).indices.tolist()
            assert r.top_tokens == [tiny_tok.tokenizer.decode([i]) for i in r.top_ids]
            torch.testing.assert_close(
                torch.tensor(r.top_probs), logits.softmax(-1)[r.top_ids], atol=1e-5, rtol=1e-4
            )
            assert r.predicted_id == own.argmax().item()
            assert r.predicted_token == tiny_tok.tokenizer.decode([r.predicted_id])
            assert r.predicted_rank == brute_rank(logits, r.predicted_id)
            for e in ("e2", "e3"):
                per_string = {s: brute_rank(logits, t) for s, t in cands[e].items()}
                assert getattr(r, f"{e}_rank") == min(per_string.values())
                best = getattr(r, f"{e}_best_string")
                assert per_string[best] == min(per_string.values())
                # the first candidate, in candidate order, among those that reach the best rank
                assert best == next(s for s, v in per_string.items() if v == min(per_string.values()))


def test_analysis_refuses_bad_input(tiny, tiny_tok):
    with pytest.raises(MechhopError, match="no tokenizer"):
        sublayer_projection(tiny, QUERIES, progress=False)
    with pytest.raises(MechhopError, match="No queries"):
        sublayer_projection(tiny_tok, [], progress=False)
    with pytest.raises(MechhopError, match="exceeds the vocabulary"):
        sublayer_projection(tiny_tok, QUERIES, ProjectionConfig(top_k=1000), progress=False)
    with pytest.raises(MechhopError, match="ProjectionConfig"):
        sublayer_projection(tiny_tok, QUERIES, {"top_k": 3}, progress=False)  # type: ignore[arg-type]


# -- resuming -----------------------------------------------------------------------------------
def test_a_stored_run_is_not_recomputed_and_resumes_lost_units(tiny_tok, tmp_path, monkeypatch):
    config = ProjectionConfig(top_k=3, batch_size=2)
    first = sublayer_projection(tiny_tok, QUERIES, config, out=tmp_path, progress=False)
    assert first.directory is not None and first.directory.parent == tmp_path
    assert (first.directory / "queries.parquet").exists()

    calls: list[list] = []
    real = projection.last_position_outputs

    def counting(model, prompts, *args, **kwargs):
        calls.append(list(prompts))
        return real(model, prompts, *args, **kwargs)

    monkeypatch.setattr(projection, "last_position_outputs", counting)
    again = sublayer_projection(tiny_tok, QUERIES, config, out=tmp_path, progress=False)
    assert calls == []
    pd.testing.assert_frame_equal(again.table, first.table)
    # batch size is how, not what: another batch size resumes the same run
    other = ProjectionConfig(top_k=3, batch_size=1)
    other_batch = sublayer_projection(tiny_tok, QUERIES, other, out=tmp_path, progress=False)
    assert calls == [] and other_batch.directory == first.directory

    # a lost unit is the only one recomputed
    units = sorted((first.directory / "units").glob("q2-*.parquet"))
    assert len(units) == 1
    units[0].unlink()
    resumed = sublayer_projection(tiny_tok, QUERIES, config, out=tmp_path, progress=False)
    assert calls == [[QUERIES[1].two_hop_prompt]]
    pd.testing.assert_frame_equal(resumed.table, first.table)

    # a setting that changes results is a different run
    calls.clear()
    changed = sublayer_projection(tiny_tok, QUERIES, ProjectionConfig(top_k=4), out=tmp_path, progress=False)
    assert changed.directory != first.directory and len(calls) == 1

    # the stored table alone (no model) gives the same summary
    stored = load_result(first.directory)
    pd.testing.assert_frame_equal(stored.table, first.table)
    pd.testing.assert_frame_equal(summarize_projection(stored), summarize_projection(first.table))


# -- reading the table ----------------------------------------------------------------------------
def hand_table() -> pd.DataFrame:
    rows = []
    # (query, layer, sublayer): (e2_rank, e3_rank, predicted_rank)
    ranks = {
        ("a", 0, "attn"): (0, 5, 0), ("a", 0, "mlp"): (3, 0, 1),
        ("a", 1, "attn"): (0, 0, 2), ("a", 1, "mlp"): (1, 1, 0),
        ("b", 0, "attn"): (4, 4, 4), ("b", 0, "mlp"): (2, 0, 0),
        ("b", 1, "attn"): (0, 1, 0), ("b", 1, "mlp"): (9, 0, 0),
        ("c", 0, "attn"): (1, 1, 1), ("c", 0, "mlp"): (1, 1, 1),
        ("c", 1, "attn"): (1, 1, 1), ("c", 1, "mlp"): (1, 1, 1),
    }  # fmt: skip
    for (qid, layer, sub), (e2, e3, pred) in ranks.items():
        rows.append({"query_id": qid, "layer": layer, "sublayer": sub, "e2_rank": e2, "e3_rank": e3,
                     "predicted_rank": pred})  # fmt: skip
    return pd.DataFrame(rows)


def test_summary_rates_per_sublayer_layer_and_group():
    summary = summarize_projection(hand_table())
    assert list(summary.columns) == [
        "sublayer", "layer", "queries", "e2_top1_rate", "e3_top1_rate", "predicted_top1_rate"
    ]  # fmt: skip
    got = summary.set_index(["sublayer", "layer"])
    assert got.loc[("attn", 0)].tolist() == pytest.approx([3, 1 / 3, 0, 1 / 3])
    assert got.loc[("attn", 1)].tolist() == pytest.approx([3, 2 / 3, 1 / 3, 1 / 3])
    assert got.loc[("mlp", 0)].tolist() == pytest.approx([3, 0, 2 / 3, 1 / 3])
    assert got.loc[("mlp", 1)].tolist() == pytest.approx([3, 0, 1 / 3, 2 / 3])

    grouped = summarize_projection(hand_table(), {"a": "correct", "b": "incorrect"})  # "c" left out
    got = grouped.set_index(["group", "sublayer", "layer"])
    assert len(got) == 8 and set(got["queries"]) == {1}
    assert got.loc[("correct", "attn", 1)].tolist() == [1, 1.0, 1.0, 0.0]
    assert got.loc[("incorrect", "mlp", 0)].tolist() == [1, 0.0, 1.0, 1.0]

    with pytest.raises(MechhopError, match="No query"):
        summarize_projection(hand_table(), {"zzz": "correct"})
    with pytest.raises(MechhopError, match="missing column"):
        summarize_projection(hand_table().drop(columns="e3_rank"))


def test_lowest_layer_ranked_first():
    table = hand_table()

    def lowest(sublayer, target):
        got = lowest_layer_ranked_first(table, sublayer, target)
        assert str(got.dtype) == "Int64" and got.index.tolist() == ["a", "b", "c"]
        return [None if pd.isna(v) else int(v) for v in got]

    assert lowest("attn", "e2") == [0, 1, None]  # "c" never ranks e2 first
    assert lowest("mlp", "predicted") == [1, 0, None]
    assert lowest("mlp", "e3") == [0, 0, None]
    with pytest.raises(MechhopError, match="target"):
        lowest_layer_ranked_first(table, "mlp", "e4")  # type: ignore[arg-type]
    with pytest.raises(MechhopError, match="no 'mlp' rows"):
        lowest_layer_ranked_first(table[table["sublayer"] == "attn"], "mlp", "e2")


# -- the real model -----------------------------------------------------------------------------
@pytest.mark.real
def test_projection_on_smollm2(smol):
    from mechhop.data.compose import bundled_queries

    queries = bundled_queries()[:2]
    res = sublayer_projection(smol, queries, ProjectionConfig(top_k=10), progress=False)
    table = res.table
    n_layers, vocab = smol.cfg.n_layers, smol.cfg.d_vocab
    assert list(table.columns) == list(TABLE_COLUMNS)
    assert table.groupby("query_id").size().to_dict() == {q.id: n_layers * 2 for q in queries}
    for q in queries:
        rows = table[table["query_id"] == q.id]
        own = smol(q.two_hop_prompt)[0, -1]
        assert set(rows["predicted_id"]) == {own.argmax().item()}
        assert set(rows["predicted_token"]) == {smol.tokenizer.decode([own.argmax().item()])}
        # the last MLP output alone is not the prediction, but the ranks must be ranks
        for col in ("e2_rank", "e3_rank", "predicted_rank"):
            assert rows[col].between(0, vocab - 1).all()
        assert rows["e2_best_string"].isin(list(first_token_candidates(smol, q, "e2"))).all()
        assert rows["e3_best_string"].isin(list(first_token_candidates(smol, q, "e3"))).all()
        for r in rows.itertuples():
            assert len(r.top_ids) == len(r.top_tokens) == len(r.top_probs) == 10
            assert list(r.top_probs) == sorted(r.top_probs, reverse=True) and 0 < sum(r.top_probs) <= 1 + 1e-5
    # the candidates really are first tokens of the answer strings
    cands = first_token_candidates(smol, queries[0], "e2")
    label = queries[0].e2_label
    assert cands[" " + label] == smol.to_tokens(" " + label, prepend_bos=False)[0, 0].item()
    assert_no_hooks(smol)
