"""The sweep engine: many patched generations, computed once each and fast.

Patchscopes and back-patching (Biran et al., 2024, §4–5) need one generation
per (query, source layer, target layer): 900 per query on a 30-layer model.
The plain method (:func:`mechhop.core.generation.generate`) reruns the whole
prompt for each. A patch of the residual stream at position ``p`` entering
block ``b`` cannot change anything before position ``p``, nor anything in
blocks before ``b``, so the engine reuses the clean run for all of that:

1. one clean forward per distinct source prompt gives every source vector;
2. one clean forward per distinct target prompt gives its KV cache and its
   residual stream at each block's input;
3. a variant's patched forward then covers only positions ``p..end`` and
   only blocks ``b..L-1``, on a KV cache built from the clean one (a shared
   target prompt such as the Patchscopes few-shot prompt is computed once
   for all queries);
4. variants that enter at the same block with the same number of patched
   positions run together, in batches a planner sizes to a memory budget,
   and decode on preallocated KV storage.

Greedy generations equal the plain method's (tests check this on many
variants); sampling uses one generator per variant seeded by its seed, so a
variant's samples do not depend on what else is in its batch. A backend that
cannot resume mid-network (TransformerLens 4's bridge) gets the plain method
itself, in batches, and the result says so (``path = "plain"``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import torch
from jaxtyping import Int

from mechhop.core.apply import _guard, capture
from mechhop.core.backend import Backend, CleanKV, HookFn, ModelLike, as_backend, check_fits
from mechhop.core.generation import Decoding, check_decoding, decode, generate, make_generators, texts_of
from mechhop.core.interventions import KnockOut, Patch, Vector
from mechhop.core.recipe import Recipe
from mechhop.core.sites import Site
from mechhop.core.tokens import Prompt, PromptKey, encode, prompt_key, prompt_value
from mechhop.engine.measures import displaced, first_token_kl
from mechhop.errors import RecipeError
from mechhop.progress import tqdm

_ENGINE_TARGET_KINDS = ("resid_pre", "resid_post")
_SOURCE_KINDS = ("resid_pre", "resid_mid", "resid_post", "attn_out", "mlp_out")


@dataclass(frozen=True)
class PatchVariant:
    """One patched generation: the state at ``source`` (clean run of ``source_prompt``, or of
    the target prompt when None) replaces the residual stream at ``target`` of ``prompt``.

    With ``displace`` (a seed), the target's own clean state is moved instead, by a random
    direction of the length the patch would move it (:func:`~mechhop.engine.measures.displaced`):
    the random-direction control of docs/method/controls.md, Amendment 1."""

    prompt: Prompt
    target: Site
    source: Site
    source_prompt: Prompt | None = None
    seed: int = 0
    displace: int | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.prompt, str):
            object.__setattr__(self, "prompt", tuple(int(t) for t in self.prompt))
        if self.source_prompt is not None and not isinstance(self.source_prompt, str):
            object.__setattr__(self, "source_prompt", tuple(int(t) for t in self.source_prompt))
        if self.target.kind not in _ENGINE_TARGET_KINDS or self.target.position is None:
            raise RecipeError(
                f"The engine patches the residual stream at one position (resid_pre/resid_post), got "
                f"target {self.target}; use mechhop.generate with a Recipe for other interventions."
            )
        if self.source.kind not in _SOURCE_KINDS or self.source.position is None:
            raise RecipeError(f"Engine sources are d_model sites at one position, got {self.source}.")


@dataclass(frozen=True)
class KnockoutVariant:
    """One generation with the attention of prompt position ``query`` to ``keys`` blocked at
    ``layers`` (each pre-softmax score set to minus infinity, docs/method/knockout.md), in the
    prompt's forward pass only: generated tokens read its effect from the KV cache. With no
    layers, the plain continuation of ``prompt``."""

    prompt: Prompt
    query: int
    keys: tuple[int, ...]
    layers: tuple[int, ...]
    seed: int = 0

    def __post_init__(self) -> None:
        if not isinstance(self.prompt, str):
            object.__setattr__(self, "prompt", tuple(int(t) for t in self.prompt))
        object.__setattr__(self, "keys", tuple(int(k) for k in self.keys))
        object.__setattr__(self, "layers", tuple(sorted({int(layer) for layer in self.layers})))


@dataclass(frozen=True)
class EngineConfig:
    """Decoding and batching settings of :func:`run_variants`."""

    max_new_tokens: int = 10
    decoding: Decoding = "greedy"
    temperature: float = 1.0
    # sampling only: draw among the top_k most likely tokens (None: the whole vocabulary)
    top_k: int | None = None
    # None: sized from the device (auto_budget); a number fixes it
    memory_budget_gb: float | None = None
    max_batch: int = 1024
    progress: bool = True
    # called with the number of variants each finished batch generated (an outer progress bar)
    on_progress: Callable[[int], None] | None = field(default=None, compare=False, repr=False)
    # False: TransformerLens's own blocks throughout (slower; the reference the fast path is tested on)
    fast_attention: bool = True


@dataclass(frozen=True, eq=False)
class EngineResult:
    variants: tuple[PatchVariant, ...] | tuple[KnockoutVariant, ...]
    new_tokens: Int[torch.Tensor, "variant new"]
    texts: tuple[str, ...]
    batches: int
    # which blocks ran (BlockRunner.path: "fast" or "transformer_lens"; "plain": generate per batch, on a
    # backend that cannot resume mid-network), and why not fast
    path: str = "transformer_lens"
    why_not_fast: str | None = None
    # per variant, KL(clean || patched) of the first generated token in nats (docs/method/controls.md)
    first_kl: torch.Tensor | None = None


@dataclass
class _CleanPrompt:
    """What the clean run of one target prompt leaves for the variants patched into it."""

    length: int
    kv: CleanKV
    block_inputs: torch.Tensor  # [n_layers + 1, pos, d_model]: input of each block, then the final state
    logprobs: torch.Tensor  # [d_vocab]: log-softmax of the clean run's next-token logits


def _clean_targets(
    backend: Backend, prompts: list[PromptKey], batch_size: int
) -> dict[PromptKey, _CleanPrompt]:
    n_layers = backend.spec.n_layers
    out: dict[PromptKey, _CleanPrompt] = {}
    for start in range(0, len(prompts), batch_size):
        chunk = prompts[start : start + batch_size]
        batch = encode(backend, [prompt_value(p) for p in chunk])
        states: dict[int, torch.Tensor] = {}

        def keep(index: int, states: dict[int, torch.Tensor] = states) -> HookFn:
            def hook(act: torch.Tensor, hook: Any) -> None:
                states[index] = act.detach().clone()

            return hook

        hooks = [(backend.hook_name("resid_pre", layer), keep(layer)) for layer in range(n_layers)]
        hooks.append((backend.hook_name("resid_post", n_layers - 1), keep(n_layers)))
        cache = backend.new_cache(batch.size)
        with _guard(backend), backend.hooks(hooks):
            logits = backend.forward(batch.tokens, batch.attention_mask, cache, last_only=True)
        logprobs = torch.log_softmax(logits.float(), dim=-1)
        stacked = torch.stack([states[i] for i in range(n_layers + 1)])  # [L+1, batch, pos, d]
        for row, prompt in enumerate(chunk):
            pad = batch.pad(row)
            kv = [backend.cached_kv(cache, layer) for layer in range(n_layers)]
            out[prompt] = _CleanPrompt(
                length=batch.lengths[row],
                kv=CleanKV([k[row, pad:].clone() for k, _ in kv], [v[row, pad:].clone() for _, v in kv]),
                block_inputs=stacked[:, row, pad:].clone(),
                logprobs=logprobs[row].clone(),
            )
    return out


def _source_vectors(
    backend: Backend, variants: Sequence[PatchVariant], batch_size: int
) -> list[torch.Tensor]:
    by_prompt: dict[PromptKey, set[Site]] = defaultdict(set)
    for v in variants:
        by_prompt[prompt_key(v.source_prompt if v.source_prompt is not None else v.prompt)].add(v.source)
    found: dict[tuple[PromptKey, Site], torch.Tensor] = {}
    prompts = list(by_prompt)
    for start in range(0, len(prompts), batch_size):
        chunk = prompts[start : start + batch_size]
        batch = encode(backend, [prompt_value(p) for p in chunk])
        sites = sorted(
            {Site(s.kind, s.layer) for p in chunk for s in by_prompt[p]}, key=lambda s: (s.layer, s.kind)
        )
        states = capture(backend, batch, sites)
        for row, prompt in enumerate(chunk):
            for site in by_prompt[prompt]:
                col = batch.absolute(row, site.position)  # type: ignore[arg-type]
                found[(prompt, site)] = states[Site(site.kind, site.layer)][row, col]
    return [
        found[(prompt_key(v.source_prompt if v.source_prompt is not None else v.prompt), v.source)]
        for v in variants
    ]


def _is_identity(v: PatchVariant) -> bool:
    same_prompt = v.source_prompt is None or prompt_key(v.source_prompt) == prompt_key(v.prompt)
    return same_prompt and v.source == v.target and v.displace is None


def clean_variant(prompt: Prompt, n_layers: int, seed: int = 0) -> PatchVariant:
    """A variant that patches nothing: the last position's final state replaced by itself. The
    engine then generates the plain continuation of ``prompt`` (on its fast path), from one clean
    run and no block recomputed."""
    site = Site("resid_post", n_layers - 1, -1)
    return PatchVariant(prompt, site, site, seed=seed)


def _normalise(backend: Backend, variant: PatchVariant) -> PatchVariant:
    n = backend.spec.n_layers

    def site(s: Site) -> Site:
        layer = s.layer + n if s.layer < 0 else s.layer
        if not 0 <= layer < n:
            raise RecipeError(f"{s}: layer out of range for this model (valid: 0..{n - 1}).")
        return Site(s.kind, layer, s.position)

    return PatchVariant(variant.prompt, site(variant.target), site(variant.source), variant.source_prompt,
                        variant.seed, variant.displace)  # fmt: skip


CPU_BUDGET = 2 * 2**30  # on a CPU, larger batches stop paying off well before memory runs out
GPU_SHARE = 0.7  # of the free GPU memory (after the weights): the rest for the allocator's slack


def auto_budget(backend: Backend) -> int:
    """The engine's memory budget in bytes when none is given: 70% of the GPU's free memory, or
    2 GiB (at most a quarter of the available memory) on a CPU."""
    free = backend.free_memory()
    if backend.device.type == "cuda" and free is not None:
        return int(free * GPU_SHARE)
    return CPU_BUDGET if free is None else min(CPU_BUDGET, free // 4)


def plan_batches(backend: Backend, capacity: int, suffix: int, rows: int, config: EngineConfig) -> int:
    """Rows per batch that keep the engine's working memory under ``config.memory_budget_gb`` (or,
    when None, :func:`auto_budget`)."""
    given = config.memory_budget_gb
    budget = auto_budget(backend) if given is None else int(given * 2**30)
    fit = budget // max(1, backend.row_bytes(capacity, suffix))
    if fit < 1:
        raise RecipeError(
            f"One variant needs ~{backend.row_bytes(capacity, suffix) / 2**20:.0f} MiB, over the "
            f"memory budget of {budget / 2**30:.3g} GiB; raise EngineConfig.memory_budget_gb."
        )
    return max(1, min(rows, fit, config.max_batch))


def run_variants(
    model: ModelLike,
    variants: Sequence[PatchVariant],
    config: EngineConfig | None = None,
) -> EngineResult:
    """Generate every variant; results are in the order given.

    Equivalent to ``generate(model, [v.prompt], Recipe(Patch(v.target, source=v.source,
    source_prompt=v.source_prompt)))`` for each variant ``v``, with the decoding of ``config``
    (its ``decoding``, ``temperature`` and ``top_k``).
    """
    config = config or EngineConfig()
    check_decoding(config.decoding, config.max_new_tokens, config.temperature, config.top_k)
    backend = as_backend(model)
    variants = tuple(_normalise(backend, v) for v in variants)
    if not variants:
        return EngineResult((), torch.zeros((0, config.max_new_tokens), dtype=torch.long), (), 0)
    if (why := backend.why_not_resumable()) is not None:
        lengths = _prompt_lengths(backend, [v.prompt for v in variants])
        for i, v in enumerate(variants):  # the fast path's checks, before any generation
            _target_position(i, v, lengths[prompt_key(v.prompt)])
        return _plain(backend, variants, config, why, max(lengths.values()))
    with torch.no_grad():
        # an identity patch (a site's own clean state) is an unpatched generation: no source run
        patched = [i for i, v in enumerate(variants) if not _is_identity(v)]
        found = _source_vectors(backend, [variants[i] for i in patched], batch_size=64)
        sources: list[torch.Tensor | None] = [None] * len(variants)
        for i, vector in zip(patched, found, strict=True):
            sources[i] = vector
        targets = _clean_targets(backend, list(dict.fromkeys(prompt_key(v.prompt) for v in variants)), 64)

        rows: list[_Row] = []
        for i, v in enumerate(variants):
            clean = targets[prompt_key(v.prompt)]
            resolved = _target_position(i, v, clean.length)
            first_block = v.target.layer + (1 if v.target.kind == "resid_post" else 0)
            source = sources[i]
            if source is None:
                source = clean.block_inputs[first_block, resolved]
            elif v.displace is not None:
                source = displaced(clean.block_inputs[first_block, resolved], source, v.displace)
            rows.append(_Row(i, first_block, resolved, clean, source, v.seed, prompt_key(v.prompt)))
        # Rows sharing (first block, patched positions) prefill together; decoding mixes them all.
        # (the target prompt next, so rows sharing a clean prompt are filled in one copy)
        order = {key: i for i, key in enumerate(targets)}
        rows.sort(key=lambda r: (r.first_block, r.suffix, order[r.target_key], r.index))
        why_not = (
            "EngineConfig(fast_attention=False)" if not config.fast_attention else backend.why_not_fast()
        )

        prompts = [v.prompt for v in variants]
        new_tokens, batches, path, kl = _generate_rows(backend, rows, prompts, why_not is None, config)
    return EngineResult(variants, new_tokens, texts_of(backend, new_tokens), batches, path,
                        None if path == "fast" else why_not, kl)  # fmt: skip


def _generate_rows(
    backend: Backend, rows: list[_Row], prompts: Sequence[Prompt], fast: bool, config: EngineConfig
) -> tuple[torch.Tensor, int, str, torch.Tensor]:
    """Every row prefilled and decoded, in batches the planner sizes: (new tokens, batches, path,
    first-token KL from the clean run)."""
    new_tokens = torch.zeros((len(prompts), config.max_new_tokens), dtype=torch.long)
    kl = torch.zeros(len(prompts), dtype=torch.float32)
    bar = tqdm(total=len(rows), desc="patched generations", unit="gen", disable=not config.progress)
    batches = 0
    paths: set[str] = set()
    longest = max(r.clean.length for r in rows)
    for r in rows:  # every variant generates max_new_tokens after its prompt: all must fit
        check_fits(backend.spec, prompts[r.index], r.clean.length, config.max_new_tokens)
    size = plan_batches(backend, longest + config.max_new_tokens, 1, len(rows), config)
    for start in range(0, len(rows), size):
        chunk = rows[start : start + size]
        path, tokens, divergence = _run_batch(backend, chunk, fast, config)
        new_tokens[[r.index for r in chunk]] = tokens
        kl[[r.index for r in chunk]] = divergence.cpu()
        paths.add(path)
        batches += 1
        bar.update(len(chunk))
        if config.on_progress is not None:
            config.on_progress(len(chunk))
    bar.close()
    return new_tokens, batches, "+".join(sorted(paths)), kl


def run_knockouts(
    model: ModelLike,
    variants: Sequence[KnockoutVariant],
    config: EngineConfig | None = None,
) -> EngineResult:
    """Generate every knockout variant; results are in the order given.

    Equivalent to ``generate(model, [v.prompt], Recipe(KnockOut(...)))`` blocking ``v.query`` ->
    ``v.keys`` at ``v.layers`` in the prompt's pass: the clean run gives the KV cache of every
    position before ``v.query`` and every block input there, so only blocks ``min(v.layers)..``
    run, on positions ``v.query..end``.
    """
    config = config or EngineConfig()
    check_decoding(config.decoding, config.max_new_tokens, config.temperature, config.top_k)
    backend = as_backend(model)
    n_layers = backend.spec.n_layers
    if not variants:
        return EngineResult((), torch.zeros((0, config.max_new_tokens), dtype=torch.long), (), 0)
    if (why := backend.why_not_resumable()) is not None:
        lengths = _prompt_lengths(backend, [v.prompt for v in variants])
        for i, v in enumerate(variants):
            _knockout_query(i, v, lengths[prompt_key(v.prompt)], n_layers)
        return _plain(backend, tuple(variants), config, why, max(lengths.values()))
    with torch.no_grad():
        targets = _clean_targets(backend, list(dict.fromkeys(prompt_key(v.prompt) for v in variants)), 64)
        rows: list[_Row] = []
        for i, v in enumerate(variants):
            clean = targets[prompt_key(v.prompt)]
            query = _knockout_query(i, v, clean.length, n_layers)
            if v.layers:
                first, position, knock = v.layers[0], query, (v.layers, v.keys)
            else:  # nothing blocked: the clean continuation, no block recomputed
                first, position, knock = n_layers, clean.length - 1, None
            source = clean.block_inputs[first, position]
            rows.append(_Row(i, first, position, clean, source, v.seed, prompt_key(v.prompt), knock))
        order = {key: i for i, key in enumerate(targets)}
        rows.sort(key=lambda r: (r.first_block, r.suffix, order[r.target_key], r.index))
        why_not = (
            "EngineConfig(fast_attention=False)" if not config.fast_attention else backend.why_not_fast()
        )
        new_tokens, batches, path, kl = _generate_rows(backend, rows, [v.prompt for v in variants],
                                                       why_not is None, config)  # fmt: skip
    return EngineResult(tuple(variants), new_tokens, texts_of(backend, new_tokens), batches, path,
                        None if path == "fast" else why_not, kl)  # fmt: skip


PLAIN_BATCH = 32  # rows per generate() on the plain path at most (the memory planner may say fewer)


def _target_position(i: int, v: PatchVariant, length: int) -> int:
    """The patched position of variant ``i`` in its ``length``-token prompt, or a RecipeError."""
    pos = v.target.position
    assert pos is not None  # PatchVariant refuses a target without a position
    resolved = pos + length if pos < 0 else pos
    if not 0 <= resolved < length:
        raise RecipeError(f"Variant {i}: target position {pos} does not exist in prompt {v.prompt!r} "
                          f"({length} tokens).")  # fmt: skip
    return resolved


def _knockout_query(i: int, v: KnockoutVariant, length: int, n_layers: int) -> int:
    """The knocked-out query position of variant ``i``, or a RecipeError for positions or layers
    outside the prompt or the model."""
    query = v.query + length if v.query < 0 else v.query
    if not 0 <= query < length or any(not 0 <= k < length for k in v.keys):
        raise RecipeError(f"Knockout variant {i}: positions {v.query} -> {v.keys} outside the "
                          f"prompt {v.prompt!r} ({length} tokens).")  # fmt: skip
    if any(not 0 <= layer < n_layers for layer in v.layers):
        raise RecipeError(f"Knockout variant {i}: layers {v.layers} out of range (0..{n_layers - 1}).")
    return query


def _prompt_lengths(backend: Backend, prompts: Sequence[Prompt]) -> dict[PromptKey, int]:
    keys = list(dict.fromkeys(prompt_key(p) for p in prompts))
    return dict(zip(keys, encode(backend, [prompt_value(k) for k in keys]).lengths, strict=True))


def _displaced_values(
    backend: Backend, variants: Sequence[PatchVariant | KnockoutVariant]
) -> dict[int, Vector]:
    """For each variant with ``displace``, by index, its target's clean state moved as the engine
    moves it: one clean run per distinct prompt, for all its displaced variants."""
    displaced_ones = [
        (i, v) for i, v in enumerate(variants) if isinstance(v, PatchVariant) and v.displace is not None
    ]
    by_prompt: dict[PromptKey, list[tuple[int, PatchVariant]]] = defaultdict(list)
    for i, v in displaced_ones:
        by_prompt[prompt_key(v.prompt)].append((i, v))
    moved: dict[int, Vector] = {}
    for key, members in by_prompt.items():
        batch = encode(backend, [prompt_value(key)])
        sites = sorted({Site(s.kind, s.layer) for _, v in members for s in (v.target, v.source)},
                       key=lambda s: (s.layer, s.kind))  # fmt: skip
        states = capture(backend, batch, sites)
        for i, v in members:
            # PatchVariant refuses sites without a position
            here, there = (states[Site(s.kind, s.layer)][0, batch.absolute(0, int(s.position or 0))]
                           for s in (v.target, v.source))  # fmt: skip
            moved[i] = Vector.from_tensor(displaced(here, there, int(v.displace or 0)))
    return moved


def _plain_recipe(v: PatchVariant | KnockoutVariant, moved: Vector | None = None) -> Recipe:
    """The recipe whose plain generation a variant equals (empty: the clean continuation);
    ``moved``: a displaced variant's moved state (:func:`_displaced_values`)."""
    if isinstance(v, KnockoutVariant):
        return Recipe(KnockOut(layers=v.layers, keys=v.keys, queries=(v.query,))) if v.layers else Recipe()
    if _is_identity(v):
        return Recipe()
    source_prompt = (
        v.source_prompt
        if v.source_prompt is None or isinstance(v.source_prompt, str)
        else tuple(v.source_prompt)
    )
    if moved is not None:  # the target's own state moved, written as a value
        return Recipe(Patch(v.target, value=moved))
    return Recipe(Patch(v.target, source=v.source, source_prompt=source_prompt))


def _plain(
    backend: Backend,
    variants: tuple[PatchVariant, ...] | tuple[KnockoutVariant, ...],
    config: EngineConfig,
    why: str,
    longest: int,
) -> EngineResult:
    """Each variant by the method the engine is defined to equal: ``generate`` with its recipe, in
    batches, for a backend that cannot resume mid-network (``longest``: the longest prompt's tokens).
    Slower, never different."""
    new_tokens = torch.zeros((len(variants), config.max_new_tokens), dtype=torch.long)
    kl = torch.zeros(len(variants), dtype=torch.float32)
    prompts = list(dict.fromkeys(prompt_key(v.prompt) for v in variants))
    clean = generate(backend, [prompt_value(p) for p in prompts], max_new_tokens=1).first_logits
    logprobs = dict(zip(prompts, torch.log_softmax(clean.float(), dim=-1), strict=True))
    moved = _displaced_values(backend, variants)
    capacity = longest + config.max_new_tokens  # a plain run recomputes the whole prompt: suffix = all
    size = min(PLAIN_BATCH, plan_batches(backend, capacity, capacity, len(variants), config))
    bar = tqdm(total=len(variants), desc="generations (plain)", unit="gen", disable=not config.progress)
    batches = 0
    for start in range(0, len(variants), size):
        chunk: Sequence[PatchVariant | KnockoutVariant] = variants[start : start + size]
        recipes = [_plain_recipe(v, moved.get(start + j)) for j, v in enumerate(chunk)]
        out = generate(
            backend, [v.prompt for v in chunk], recipes,
            max_new_tokens=config.max_new_tokens, decoding=config.decoding, temperature=config.temperature,
            seeds=[v.seed for v in chunk], top_k=config.top_k,
        )  # fmt: skip
        new_tokens[start : start + len(chunk)] = out.new_tokens
        reference = torch.stack([logprobs[prompt_key(v.prompt)] for v in chunk])
        kl[start : start + len(chunk)] = first_token_kl(reference, out.first_logits).cpu()
        batches += 1
        bar.update(len(chunk))
        if config.on_progress is not None:
            config.on_progress(len(chunk))
    bar.close()
    return EngineResult(variants, new_tokens, texts_of(backend, new_tokens), batches, "plain", why, kl)


@dataclass
class _Row:
    index: int
    first_block: int
    position: int
    clean: _CleanPrompt
    source: torch.Tensor
    seed: int
    target_key: PromptKey
    knock: tuple[tuple[int, ...], tuple[int, ...]] | None = None  # (layers, key positions) blocked

    @property
    def suffix(self) -> int:
        return self.clean.length - self.position


def _run_batch(
    backend: Backend, rows: list[_Row], fast: bool, config: EngineConfig
) -> tuple[str, torch.Tensor, torch.Tensor]:
    """Prefill every row from its clean prompt and its patch, then decode them together."""
    n_layers = backend.spec.n_layers
    end = max(r.clean.length for r in rows)  # prompts are right-aligned: decoding starts here
    runner = backend.block_runner(len(rows), end, end + config.max_new_tokens, fast)
    for a, b in _runs(rows, lambda r: (id(r.clean), r.first_block, r.position)):
        r = rows[a]
        # blocks before the patch see the clean prompt in full; later ones only its prefix
        stops = [r.clean.length if layer < r.first_block else r.position for layer in range(n_layers)]
        runner.load(slice(a, b), r.clean.length, stops, r.clean.kv)

    logits = torch.empty((len(rows), backend.spec.d_vocab), dtype=torch.float32, device=backend.device)
    for a, b in _runs(rows, lambda r: (r.first_block, r.suffix)):
        positions = torch.stack([torch.arange(r.position, r.clean.length) for r in rows[a:b]])
        resid = _patched_inputs(rows[a:b], backend.device, backend.dtype)
        blocked = _blocked(rows[a:b], end, backend.device)
        logits[a:b] = runner.run(resid, slice(a, b), rows[a].first_block, positions, blocked)
    generators = make_generators([r.seed for r in rows], len(rows)) if config.decoding == "sample" else None
    clean = torch.stack([r.clean.logprobs for r in rows]).to(logits.device)
    kl = first_token_kl(clean, logits)
    return (
        runner.path,
        decode(
            backend,
            logits,
            runner.step,
            config.max_new_tokens,
            generators,
            config.temperature,
            top_k=config.top_k,
        ),
        kl,
    )


def _blocked(rows: list[_Row], end: int, device: torch.device) -> dict[int, torch.Tensor] | None:
    """Per layer, the attention edges the rows' knockouts block: ``[row, query, column]`` masks over
    the rows' first patched position (the knocked-out query) and the right-aligned key columns."""
    if not any(r.knock for r in rows):
        return None
    suffix = rows[0].suffix
    masks: dict[int, torch.Tensor] = {}
    for i, r in enumerate(rows):
        if r.knock is None:
            continue
        layers, keys = r.knock
        columns = [end - r.clean.length + k for k in keys]
        for layer in layers:
            if layer not in masks:
                masks[layer] = torch.zeros((len(rows), suffix, end), dtype=torch.bool, device=device)
            masks[layer][i, 0, columns] = True
    return masks


def _patched_inputs(rows: list[_Row], device: torch.device, dtype: torch.dtype) -> torch.Tensor:
    """Clean inputs of the first patched block at the patched positions and after, source at the first."""
    resid = torch.stack([r.clean.block_inputs[r.first_block, r.position :] for r in rows]).to(device)
    resid[:, 0] = torch.stack([r.source for r in rows]).to(device, dtype)
    return resid


def _runs(rows: list[_Row], key: Callable[[_Row], object]) -> list[tuple[int, int]]:
    """``(start, stop)`` of the maximal runs of consecutive rows with equal ``key``."""
    bounds, start = [], 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or key(rows[i]) != key(rows[start]):
            bounds.append((start, i))
            start = i
    return bounds
