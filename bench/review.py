"""Benchmark: the code doctor's full review against parsing the same files with tree-sitter alone.

The files are the reference signers (lib/review/reference) and the labelled buggy signers
(tests/data/review): eight languages, correct and wrong. Each round reviews every file with
`review_code(text, language)` (parse, query, every check, masking, excerpts) and parses every file with
its tree-sitter grammar and nothing else; the two sides alternate, and each side's best of --repeats
rounds counts (as timeit does), so other processes on a shared machine do not decide the ratio.
Last line: ratio=<review/parse>.

    python bench/review.py [--rounds N] [--repeats N]
"""

import argparse
import sys
import time
from pathlib import Path

import tree_sitter

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lib.review import review_code  # noqa: E402
from lib.review.syntax import GRAMMARS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SIGNER_DIRECTORIES = (ROOT / "lib/review/reference", ROOT / "tests/data/review")
LANGUAGE_OF = {extension: grammar.name for grammar in GRAMMARS.values() for extension in grammar.extensions}


def signer_files():
    """(language, text) of every signer file, sorted by name."""
    files = []
    for directory in SIGNER_DIRECTORIES:
        for path in sorted(directory.iterdir()):
            if path.suffix in LANGUAGE_OF:
                files.append((LANGUAGE_OF[path.suffix], path.read_text(encoding="utf-8")))
    return files


def run_review(files, rounds):
    started = time.perf_counter()
    findings = 0
    for _ in range(rounds):
        for language, text in files:
            findings += len(review_code(text, language).findings)
    return time.perf_counter() - started, findings


def run_parse(files, parsers, rounds):
    started = time.perf_counter()
    nodes = 0
    for _ in range(rounds):
        for language, text in files:
            nodes += parsers[language].parse(text.encode("utf-8")).root_node.descendant_count
    return time.perf_counter() - started, nodes


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=20, help="passes over all files per timed run")
    parser.add_argument("--repeats", type=int, default=10, help="timed runs per side; the fastest counts")
    args = parser.parse_args()
    files = signer_files()
    parsers = {name: tree_sitter.Parser(grammar.language) for name, grammar in GRAMMARS.items()}
    run_review(files, 1)  # load the grammars and compile the queries before timing
    reviews, parses = [], []
    for _ in range(args.repeats):
        parses.append(run_parse(files, parsers, args.rounds))
        reviews.append(run_review(files, args.rounds))
    parse_seconds = min(seconds for seconds, _ in parses)
    review_seconds = min(seconds for seconds, _ in reviews)
    count = len(files) * args.rounds
    languages = sorted({language for language, _ in files})
    size = sum(len(text) for _, text in files)
    print(f"files: {len(files)} in {len(languages)} languages ({', '.join(languages)}), {size:,} characters")
    print(f"tree-sitter parse alone: {parse_seconds * 1e6 / count:.0f} µs/file")
    print(
        f"review (parse, checks):  {review_seconds * 1e6 / count:.0f} µs/file, {reviews[0][1] // args.rounds} findings"
    )
    print(f"ratio={review_seconds / parse_seconds:.2f}")


if __name__ == "__main__":
    main()
