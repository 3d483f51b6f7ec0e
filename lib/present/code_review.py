"""The code doctor's report: findings and the code with its secrets masked, safe to post on a forum."""

from lib.present.redaction import code_span, table_cell
from lib.review import Review
from lib.review.syntax import GRAMMARS


def review_report(review: Review) -> str:
    """Markdown: verdict, the findings by line, and the reviewed code. The code is the masked text."""
    label = GRAMMARS[review.language].label
    lines = [
        "# Zoom Meeting SDK signing code: review",
        "",
        f"- **Language:** {label}",
        f"- **Verdict:** {review.verdict}",
    ]
    if review.secrets_masked:
        lines.append(
            f"- **Secrets masked:** {review.secrets_masked} secret literal(s) were replaced by • below. "
            "The secret was in the code: rotate it in the Zoom App Marketplace."
        )
    if review.findings:
        lines += ["", "| line | severity | finding | code | fix |", "|---|---|---|---|---|"]
        for finding in review.findings:
            lines.append(
                f"| {finding.line}:{finding.column} | {finding.severity} | {table_cell(finding.title)}: "
                f"{table_cell(finding.message)} | {code_span(finding.code)} | {table_cell(finding.fix)} |"
            )
    fence = "```"
    while fence in review.masked_text:
        fence += "`"
    lines += ["", "## The code", "", f"{fence}{review.language}", review.masked_text, fence, ""]
    return "\n".join(lines)
