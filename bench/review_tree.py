"""Benchmark: `review PATH` on a generated tree of 2,000 files against tree-sitter parsing the same files alone.

The tree (a git work tree in a temporary folder, as CI checks one out) holds the eight languages: 90 % of the files
are ordinary code that signs nothing (helpers, models, handlers, written from templates with varied names), 10 %
are copies of the signers the Code doctor is tested on (lib/review/reference and tests/data/review, correct and
buggy). One side reviews the tree as the command line does (`review_paths`: walk, `git check-ignore`, read, the
prefilter, then the full review of what may sign); the other reads and parses every file with its language's
tree-sitter grammar and nothing else. The sides alternate and each side's best of --repeats runs counts.
Last line: ratio=<review/parse>; the goal is at most 2.

    python bench/review_tree.py [--files N] [--repeats N]
"""

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import tree_sitter

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.review import signer_files  # noqa: E402
from lib.gate.files import LANGUAGE_OF_EXTENSION  # noqa: E402
from lib.gate.report import review_paths  # noqa: E402
from lib.review.syntax import GRAMMARS  # noqa: E402

EXTENSION = {"javascript": ".js", "typescript": ".ts", "python": ".py", "php": ".php", "go": ".go"}
EXTENSION |= {"java": ".java", "csharp": ".cs", "ruby": ".rb"}
NOUNS = ("order", "invoice", "customer", "basket", "shipment", "product", "review", "page", "report", "item")
VERBS = ("load", "save", "format", "count", "filter", "merge", "sort", "group", "render", "update")

# One function of ordinary code per language: {verb}, {noun} and {n} vary from function to function.
PLAIN = {
    "javascript": "function {verb}{Noun}(items, limit = {n}) {{\n  const out = [];\n  for (const item of items) {{\n"
    "    if (out.length >= limit) break;\n"
    "    out.push({{ ...item, {noun}Id: item.id, total: item.price * item.qty }});\n"
    "  }}\n  return out.sort((a, b) => a.total - b.total);\n}}\n\n",
    "typescript": "interface {Noun}{n} {{ id: number; name: string; price: number; }}\n\n"
    "export function {verb}{Noun}(items: {Noun}{n}[]): string[] {{\n"
    "  return items.filter((item) => item.price > {n}).map((item) => `${{item.id}}: ${{item.name}}`);\n}}\n\n",
    "python": "def {verb}_{noun}(rows, limit={n}):\n    totals = {{}}\n    for row in rows[:limit]:\n"
    "        totals[row['id']] = totals.get(row['id'], 0) + row['price'] * row['qty']\n"
    "    return sorted(totals.items(), key=lambda pair: pair[1])\n\n\n",
    "php": "function {verb}_{noun}(array $rows, int $limit = {n}): array {{\n    $out = [];\n"
    "    foreach (array_slice($rows, 0, $limit) as $row) {{\n        $out[$row['id']] = $row['price'] * $row['qty'];\n"
    "    }}\n    asort($out);\n    return $out;\n}}\n\n",
    "go": "func {Verb}{Noun}(rows []Row, limit int) map[int]float64 {{\n\tout := map[int]float64{{}}\n"
    "\tfor i, row := range rows {{\n\t\tif i >= limit+{n} {{\n\t\t\tbreak\n\t\t}}\n"
    "\t\tout[row.ID] += row.Price * float64(row.Qty)\n\t}}\n\treturn out\n}}\n\n",
    "java": "    public static List<String> {verb}{Noun}(List<Row> rows) {{\n"
    "        List<String> out = new ArrayList<>();\n"
    '        for (Row row : rows) {{\n            if (row.price > {n}) out.add(row.id + ": " + row.name);\n        }}\n'
    "        return out;\n    }}\n\n",
    "csharp": "    public static IList<string> {Verb}{Noun}(IEnumerable<Row> rows) {{\n"
    '        return rows.Where(row => row.Price > {n}).Select(row => $"{{row.Id}}: {{row.Name}}").ToList();\n'
    "    }}\n\n",
    "ruby": "def {verb}_{noun}(rows, limit = {n})\n  rows.first(limit).map do |row|\n"
    "    {{ id: row[:id], total: row[:price] * row[:qty] }}\n  end.sort_by {{ |row| row[:total] }}\nend\n\n",
}
OPEN = {"go": "package shop\n\n", "php": "<?php\n\n", "java": "import java.util.*;\n\npublic class Shop{n} {{\n"}
OPEN |= {"csharp": "using System.Linq;\nusing System.Collections.Generic;\n\npublic static class Shop{n} {{\n"}
CLOSE = {"java": "}\n", "csharp": "}\n"}


def plain_file(language: str, rng: random.Random, number: int) -> str:
    """A file of 5 to 15 ordinary functions: what most of a repository is."""
    parts = [OPEN.get(language, "").format(n=number)]
    for _ in range(rng.randint(5, 15)):
        verb, noun = rng.choice(VERBS), rng.choice(NOUNS)
        values = {"verb": verb, "Verb": verb.title(), "noun": noun, "Noun": noun.title(), "n": rng.randint(1, 999)}
        parts.append(PLAIN[language].format(**values))
    parts.append(CLOSE.get(language, ""))
    return "".join(parts)


def build_tree(folder: Path, count: int, seed: int = 7) -> list[tuple[str, Path]]:
    """Write the tree; (language, path) of every file, in the order written."""
    rng = random.Random(seed)
    signers = signer_files()
    languages = sorted(PLAIN)
    files = []
    for number in range(count):
        if number % 10 == 0:  # one file in ten signs
            language, text = signers[(number // 10) % len(signers)]
            name = f"signing/s{number}{EXTENSION[language]}"
        else:
            language = languages[number % len(languages)]
            text = plain_file(language, rng, number)
            name = f"src/{language}/m{number // 100}/f{number}{EXTENSION[language]}"
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        files.append((language, path))
    subprocess.run(["git", "init", "-q"], cwd=folder, check=True)
    return files


def run_review(folder: Path):
    started = time.perf_counter()
    outcome = review_paths([folder])
    return time.perf_counter() - started, outcome


def run_parse(files, parsers):
    started = time.perf_counter()
    nodes = 0
    for language, path in files:
        nodes += parsers[language].parse(path.read_bytes()).root_node.descendant_count
    return time.perf_counter() - started, nodes


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=2000, help="files in the generated tree")
    parser.add_argument("--repeats", type=int, default=5, help="timed runs per side; the fastest counts")
    args = parser.parse_args()
    parsers = {name: tree_sitter.Parser(grammar.language) for name, grammar in GRAMMARS.items()}
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        files = build_tree(folder, args.files)
        size = sum(path.stat().st_size for _, path in files)
        assert all(LANGUAGE_OF_EXTENSION[path.suffix] == language for language, path in files)
        _, outcome = run_review(folder)  # load the grammars and compile the queries before timing
        reviews, parses = [], []
        for _ in range(args.repeats):
            parses.append(run_parse(files, parsers))
            reviews.append(run_review(folder))
    parse_seconds = min(seconds for seconds, _ in parses)
    review_seconds = min(seconds for seconds, _ in reviews)
    signing = sum(1 for language, path in files if "signing" in path.parts)
    print(f"files: {len(files)} in {len(PLAIN)} languages, {signing} of them signers, {size:,} bytes")
    print(f"reviewed: {len(outcome.reviewed)}, passed over without parsing: {outcome.passed_over}")
    print(f"findings: {len(outcome.severities)}")
    print(f"tree-sitter parse alone: {parse_seconds * 1000:.0f} ms ({parse_seconds * 1e6 / len(files):.0f} µs/file)")
    print(f"review PATH:             {review_seconds * 1000:.0f} ms ({review_seconds * 1e6 / len(files):.0f} µs/file)")
    print(f"ratio={review_seconds / parse_seconds:.2f}")


if __name__ == "__main__":
    main()
