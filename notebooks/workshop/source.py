# %% [markdown]
# # Workshop: latent two-hop reasoning, hook by hook
#
# *"The capital of the country of Fujian is"* needs two hops: Fujian → **China** (the bridge entity,
# never written) → **Beijing**. "Hopping Too Late" (Biran et al., EMNLP 2024) finds that models
# resolve the first hop early, at the mention of Fujian, and the second hop late, at the last token,
# sometimes too late. In five exercises you build the paper's tools yourself with TransformerLens
# hooks, check each against mechhop's own implementation, and end by deciding whether a result is a
# finding or an artifact.
#
# Every exercise has a difficulty, a time budget, a hint, and a check that runs your function
# beside mechhop's and says what differs. The whole notebook runs on the embedded SmolLM2-135M on a
# free CPU runtime; the instructor page (docs/guides/workshop.md) gives the measured times.
#
# **On Colab**: run the first cell, which installs mechhop. Files you write under `/content` are
# lost when the runtime disconnects; nothing here needs them (the results of the last exercise ship
# with mechhop).

# %%
# (the install cell: scripts/notebooks.py writes it)

# %% [markdown]
# ## Setup
# The query and the layers every exercise uses. SmolLM2-135M has 30 layers; it gets this query
# wrong ("the capital of the country of Fujian is" → not Beijing) although it knows both hops.

# %% parameters
MODEL = "smollm2-135m"
QUERY_ID = "q760518cdfd"  # the capital of the country of Fujian
POSITION = "last"  # back-patching at t2, the prompt's last token ("e1" for t1, the last token of Fujian)
SRC_LAYER, TGT_LAYER = 24, 12  # the state after block 24 written into block 12: it rescues this query
KNOCKOUT_LAYERS = (8, 9, 10, 11, 12, 13, 14)  # attention knockout: last token -> e1
DESCRIBE_LAYER = 4  # Patchscopes: the state of e1 after this block

# %%
import mechhop
from mechhop import KnockOut, Patch, Recipe, Record, Site, Vector
from mechhop.data.compose import bundled_queries
from mechhop.data.positions import locate, locate_text
from mechhop.workshop import (
    check_backpatch_hook,
    check_backpatch_recipe,
    check_decision,
    check_knockout_hook,
    check_patchscopes,
    rescue_shares,
)

model = mechhop.load_model(MODEL)
query = bundled_queries().by_id(QUERY_ID)
positions = locate(model, query)
prompt = query.two_hop_prompt
tokens = mechhop.encode(model, [prompt]).tokens
print(repr(prompt), "->", query.e2_label, "->", query.e3_label)
print("tokens:", [model.to_string(t) for t in tokens[0]])
print("e1 ends at token", positions["e1"], "| the last token is", positions["last"])
print("clean generation:", mechhop.generate(model, [prompt], max_new_tokens=10).texts[0])

# %% [markdown] exercise difficulty=2 minutes=15
# ## Exercise 1: back-patching with a hook
# Back-patching takes the residual stream at a position after a *later* block (`SRC_LAYER`) and
# writes it back into an *earlier* block (`TGT_LAYER`) at the same position, in the same prompt: it
# gives the earlier layers a second chance to use what the later ones computed. If the model fails
# because the second hop starts too late, this can rescue it.
#
# Write `make_backpatch_hook(source_state, position)`: it returns a TransformerLens hook function
# for `blocks.{TGT_LAYER}.hook_resid_post`. The hook receives `act` of shape
# `(batch, position, d_model)` and `hook`, writes `source_state` (shape `(d_model,)`) at `position`,
# and returns `act`.
#
# <details><summary>Hint</summary>
#
# `act[:, position, :] = source_state`, then `return act`. Replace; do not add.
# </details>


# %%
def make_backpatch_hook(source_state, position):
    # >>> exercise
    raise NotImplementedError("Exercise 1: return a hook that writes source_state at position")

    # <<< exercise
    # >>> solution
    def hook(act, hook):
        act[:, position, :] = source_state
        return act

    return hook
    # <<< solution


# %%
# the source state: a clean run, cached at the later layer
_, cache = model.run_with_cache(tokens, names_filter=f"blocks.{SRC_LAYER}.hook_resid_post")
at = positions[POSITION]
source_state = cache[f"blocks.{SRC_LAYER}.hook_resid_post"][0, at]
print(check_backpatch_hook(make_backpatch_hook, model, query, SRC_LAYER, TGT_LAYER, POSITION))

# %% [markdown]
# With the hook in place, compare the next-token prediction with the clean run's: at these layers
# the state of the last token, written back 12 blocks earlier, turns Nanning into Beijing.

# %%
hook_name = f"blocks.{TGT_LAYER}.hook_resid_post"
patched = model.run_with_hooks(tokens, fwd_hooks=[(hook_name, make_backpatch_hook(source_state, at))])
clean = model(tokens)
for name, logits in (("clean", clean), ("back-patched", patched)):
    top = logits[0, -1].topk(5).indices
    print(f"{name:>12}:", [model.to_string(t) for t in top])

# %% [markdown] exercise difficulty=2 minutes=10
# ## Exercise 2: the same intervention as a mechhop recipe
# A hook is code; a mechhop `Recipe` is a value: it prints, hashes and saves as JSON, and mechhop
# compiles it to the same hooks. Write `recipe`: a `Patch` of `Site("resid_post", TGT_LAYER, at)`
# whose `source` is `Site("resid_post", SRC_LAYER, at)`. The check generates 10 tokens with your
# recipe and with your hook from exercise 1, and compares both with mechhop's back-patching.
#
# <details><summary>Hint</summary>
#
# `Recipe(Patch(site, source=other_site))`; positions count tokens from the prompt's start.
# </details>

# %%
# >>> exercise
recipe = None  # Exercise 2: Recipe(Patch(...))
# <<< exercise
# >>> solution
recipe = Recipe(Patch(Site("resid_post", TGT_LAYER, at), source=Site("resid_post", SRC_LAYER, at)))
# <<< solution
print(recipe)
print(check_backpatch_recipe(recipe, make_backpatch_hook, model, query, SRC_LAYER, TGT_LAYER, POSITION))
print("back-patched generation:", mechhop.generate(model, [prompt], recipe, max_new_tokens=10).texts[0])

# %% [markdown] exercise difficulty=3 minutes=20
# ## Exercise 3: attention knockout
# Does the last token need to *read* e1 (Fujian) in some layers to answer? Block those attention
# edges and watch the answer change. Write `make_knockout_hook(query_position, key_positions)`: it
# returns a hook for `blocks.{L}.attn.hook_attn_scores`, whose activation is the pre-softmax
# attention scores, shape `(batch, head, query_pos, key_pos)`. Set the scores from
# `query_position` to each of `key_positions` to minus infinity, in every head, and return them.
# The check applies your hook at every layer of `KNOCKOUT_LAYERS`, from the last token to every
# token of e1 (the knockout analysis's `span="whole"`; the paper's setting blocks e1's last token).
#
# <details><summary>Hint</summary>
#
# `scores[:, :, query_position, key_positions] = float("-inf")`. A score of 0 is not a block: after
# the softmax, it still lets attention through.
# </details>


# %%
def make_knockout_hook(query_position, key_positions):
    # >>> exercise
    raise NotImplementedError("Exercise 3: return a hook that blocks query_position -> key_positions")

    # <<< exercise
    # >>> solution
    def hook(scores, hook):
        scores[:, :, query_position, key_positions] = float("-inf")
        return scores

    return hook
    # <<< solution


# %%
print(check_knockout_hook(make_knockout_hook, model, query, KNOCKOUT_LAYERS))

# %% [markdown]
# mechhop writes the same knockout as a value. The probability of the model's clean first answer
# token, with and without the knockout:

# %%
first, last = positions.span("e1")
knock = Recipe(KnockOut(KNOCKOUT_LAYERS, keys=tuple(range(first, last + 1)), queries=(positions["last"],)))
print(knock)
clean_run = mechhop.run(model, [prompt])
knocked = mechhop.run(model, [prompt], knock)
answer = clean_run.last_logits[0].argmax()
for name, result in (("clean", clean_run), ("knocked out", knocked)):
    prob = result.last_logits[0].softmax(-1)[answer]
    print(f"{name:>12}: p({model.to_string(answer)!r}) = {float(prob):.3f}")

# %% [markdown] exercise difficulty=3 minutes=20
# ## Exercise 4: what does a hidden state say? (Patchscopes)
# Patchscopes reads a hidden state by letting the model describe it: take the state of e1 after
# block `layer`, write it into a neutral target prompt that ends in a placeholder `x` (at the same
# layer), and let the model continue. If the continuation names the bridge (China), the first hop
# is done by that layer.
#
# Write `describe(model, query, layer)`: return the greedy 10-token continuation of mechhop's
# default target prompt with the state written at the placeholder's token.
#
# <details><summary>Hint</summary>
#
# Record the state with `mechhop.run(model, [prompt], Recipe(Record(site)))` (its `records`),
# make a `Vector.from_tensor(...)` of it, and generate the target prompt under
# `Recipe(Patch(target_site, value=vector))`. `locate_text(model, target, "x")` gives the
# placeholder's (first, last) token.
# </details>

# %%
from mechhop.analyses.patchscopes import PatchscopesConfig

TARGET = PatchscopesConfig().target_text
print(repr(TARGET))


def describe(model, query, layer):
    # >>> exercise
    raise NotImplementedError("Exercise 4: record the state, patch it into TARGET, generate")
    # <<< exercise
    # >>> solution
    site = Site("resid_post", layer, locate(model, query)["e1"])
    state = mechhop.run(model, [query.two_hop_prompt], Recipe(Record(site))).records[str(site)][0]
    target_at = locate_text(model, TARGET, "x")[1]
    patch = Patch(Site("resid_post", layer, target_at), value=Vector.from_tensor(state))
    return mechhop.generate(model, [TARGET], Recipe(patch), max_new_tokens=10).texts[0]
    # <<< solution


# %%
print(check_patchscopes(describe, model, query, DESCRIBE_LAYER))
for layer in range(0, 8):
    print(layer, repr(describe(model, query, layer)))

# %% [markdown] exercise difficulty=4 minutes=25
# ## Exercise 5: finding or artifact?
# Back-patching "rescues" a query when some patched generation gives the answer. But any
# perturbation can stumble on an answer: a rescue counts only where it beats a control that
# perturbs as much. mechhop's re-run on SmolLM2 stored, per query, the share of layer pairs that
# rescue, for real back-patching and for two controls: the *forward* control (the same query, a
# state from an *earlier* layer) and *placebo* donors (another query's state).
#
# The primary test (docs/method/controls.md, as amended before the confirmatory run):
# 1. per query, the difference real share − control share;
# 2. their **mean**, with a two-sided 95% interval **clustered by bridge entity**: queries through
#    one bridge are not independent (`cluster_t_test(differences, bridges)` in
#    `mechhop.analyses.evidence`: a cluster-robust standard error and Student's t with one degree
#    of freedom fewer than there are bridges);
# 3. the wording rule, read from the interval alone: "above control" when its lower end is above
#    0, "below control" when its upper end is below 0, "not above control" only when its upper end
#    is below 0.02, the effect the claim is about; otherwise "inconclusive at this n".
#
# Why the mean? Most incorrect queries are rescued at no layer pair in either arm, so most
# differences are exactly 0: the median is then 0 with interval [0, 0] whatever the effect, and the
# rule registered first could never say "inconclusive".
#
# Write `decide(real, control, bridges)`, returning one of those four phrases.
#
# <details><summary>Hint 1: the idea</summary>
#
# An interval, not a p-value, decides: where does it lie with respect to 0 and to 0.02?
# </details>
#
# <details><summary>Hint 2: the API</summary>
#
# `cluster_t_test(values, clusters)` returns an object with `.mean`, `.ci_low`, `.ci_high`. The
# check runs your function on ten cases and names the case it fails and the lesson it missed.
# </details>

# %%
import numpy as np

from mechhop.analyses.evidence import cluster_t_test


def decide(real, control, bridges):
    # >>> exercise
    raise NotImplementedError("Exercise 5: the amended primary test and its wording rule")
    # <<< exercise
    # >>> solution
    differences = np.asarray(real, dtype=float) - np.asarray(control, dtype=float)
    test = cluster_t_test(differences, list(bridges))
    if test.ci_low > 0:
        return "above control"
    if test.ci_high < 0:
        return "below control"
    return "not above control" if test.ci_high < 0.02 else "inconclusive at this n"
    # <<< solution


# %%
print(check_decision(decide))

# %% [markdown]
# Your function on the shipped SmolLM2 data, for both positions and both controls. t1 is the last
# token of e1, t2 the last token of the prompt.

# %%
rows = []
for control in ("forward", "placebo"):
    for position in ("e1", "last"):
        shares = rescue_shares(control=control, group="incorrect", position=position)
        said = decide(shares["real_share"], shares["control_share"], shares["bridge"])
        rows.append((control, position, len(shares), shares["real_share"].mean(),
                     shares["control_share"].mean(), said))  # fmt: skip
for row in rows:
    print("{:>8} {:>5} n={:<4} real {:.3f} control {:.3f} -> {}".format(*row))

# %% [markdown] solution-only
# ## Answer key and discussion
# - The claim "back-patching rescues incorrect queries" needs "above control" against *both*
#   controls at a position. On SmolLM2's re-run (100 incorrect queries) the amended rule says
#   "inconclusive at this n" at t1 against both controls, and at t2 "above control" against the
#   forward control but not against the placebo: the claim does not stand at either position.
# - The median rule registered first said "not above control" at t1: its interval was [0, 0]
#   because 58 of the 100 differences are exactly 0. "Not above control" needs an interval that
#   excludes the effect the claim is about; the mean's interval reaches +0.025, past 0.02.
# - Why a forward control? The placebo writes a *foreign* state at every pair; a rescue "as often
#   as placebo" could mean disruption, not chance. The forward control perturbs the same query by
#   the same kind of write, from the other direction.
# - Why cluster by bridge? 100 queries through 44 bridges are not 100 independent observations:
#   an interval over queries is too narrow when the bridges disagree (the case "bridges that
#   disagree" says "above control" that way).

# %% [markdown]
# ## Discussion
# 1. Exercise 1 patches a later state into an earlier layer. What would patching an *earlier*
#    state into a *later* layer test, and why is it the right control for back-patching?
# 2. In exercise 3, which layers matter? Move `KNOCKOUT_LAYERS` earlier and later and watch the
#    answer's probability.
# 3. In exercise 4, at which layer does the description first name China? What does that say about
#    where the first hop is resolved?
# 4. In exercise 5, what would it take for "inconclusive at this n" to become a verdict either way?
#    (The confirmatory run on fresh queries is the project's answer: docs/results.md.)
