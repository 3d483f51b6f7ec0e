"""The public JavaScript vectors: outputs of the real JavaScript signers (tests/data/js-signers.jsonl)."""

import json

from support.paths import DATA


def load_vectors(*variants):
    """The JavaScript vectors of these variants (every vector without any). Asking for a variant that has no
    vectors fails, so a filter cannot quietly select nothing."""
    rows = [json.loads(line) for line in (DATA / "js-signers.jsonl").read_text().splitlines() if line.strip()]
    missing = set(variants) - {row["variant"] for row in rows}
    assert not missing, f"tests/data/js-signers.jsonl has no vectors of variant {sorted(missing)}"
    return [row for row in rows if not variants or row["variant"] in variants]
