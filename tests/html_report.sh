#!/usr/bin/env bash
# Opens the seed article's HTML report in a real headless Chromium, takes a screenshot, and
# checks that the page rendered its claims, legend, sources table and graph, that its script ran
# (focusing a claim fills the side panel) and that nothing was written to the console.
#
#   bash tests/html_report.sh                                   # check; screenshot in a temp dir
#   SCREENSHOT=docs/html-report.png bash tests/html_report.sh   # also refresh the docs screenshot
#
# CLAIMGRAPH names the binary (default target/debug/claimgraph; built if missing), CHROMIUM the
# browser (default /usr/bin/chromium). Installs nothing: without Chromium it exits with code 77.
set -euo pipefail
cd "$(dirname "$0")/.."

chromium=${CHROMIUM:-/usr/bin/chromium}
if ! [ -x "$chromium" ]; then
  echo "html_report.sh: Chromium not found at $chromium; install it with 'apt-get install chromium' (Debian) or set CHROMIUM" >&2
  exit 77
fi
claimgraph=${CLAIMGRAPH:-target/debug/claimgraph}
if ! [ -x "$claimgraph" ]; then
  cargo build --quiet
fi

article=docs/examples/ani-trump-putin-call.txt
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$claimgraph" check "$article" --fail-on never --format html -o "$work/report.html"
cp tests/html_report/check.html "$work/check.html"
# What the page should show, from the JSON report: the summary's claim count, one id per source.
"$claimgraph" check "$article" --fail-on never --format json >"$work/report.json"
expected_claims=$(grep -oE '^    "claims": [0-9]+' "$work/report.json" | grep -oE '[0-9]+$')
expected_sources=$(grep -cE '^      "id": "s[0-9]+"' "$work/report.json")

# A fresh profile each run, and nothing that talks to the network on its own.
browse() {
  local profile
  profile=$(mktemp -d "$work/profile.XXXX")
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars "$@"
}

browse --enable-logging=stderr --v=0 --allow-file-access-from-files --virtual-time-budget=5000 \
  --dump-dom "file://$work/check.html" >"$work/dom.html" 2>"$work/chromium.log" || true
browse --window-size=1280,1700 --allow-file-access-from-files --virtual-time-budget=5000 \
  --screenshot="$work/report.png" "file://$work/check.html" >/dev/null 2>&1 || true

failures=0
fail() {
  echo "html_report.sh: $*" >&2
  failures=$((failures + 1))
}
value() {
  sed -n "s/^$1=//p" "$work/dom.html" | head -n 1
}

[ -n "$(value claims)" ] || fail "the check page did not report (is the report loadable?): $(value script_error)"
[ "$(value claims)" = "$expected_claims" ] || fail "expected $expected_claims claims in the article, found '$(value claims)'"
[ "$(value claims_shown)" = "$expected_claims" ] || fail "only '$(value claims_shown)' of $expected_claims claims are visible"
[ "$(value legend_items)" -ge 6 ] 2>/dev/null || fail "the legend shows '$(value legend_items)' items, expected 6"
[ "$(value source_rows)" = "$expected_sources" ] || fail "the sources table shows '$(value source_rows)' rows, expected $expected_sources"
[ "$(value graph_nodes)" -ge "$expected_sources" ] 2>/dev/null || fail "the graph drew '$(value graph_nodes)' nodes, expected at least $expected_sources"
[ "$(value script)" = "ran" ] || fail "the page script did not run"
[ "$(value focus_panel)" = "filled" ] || fail "focusing a claim did not show its sources in the panel"
if grep -q 'CONSOLE' "$work/chromium.log"; then
  fail "the page wrote to the console:"
  grep 'CONSOLE' "$work/chromium.log" >&2
fi
# A PNG starts with \x89PNG; an empty or failed render is a few hundred bytes.
if ! [ -s "$work/report.png" ] || [ "$(head -c 4 "$work/report.png" | tail -c 3)" != "PNG" ]; then
  fail "no screenshot was written"
elif [ "$(wc -c <"$work/report.png")" -lt 50000 ]; then
  fail "the screenshot is almost empty ($(wc -c <"$work/report.png") bytes)"
fi

if [ "$failures" -gt 0 ]; then
  echo "html_report.sh: $failures check(s) failed; the page reported:" >&2
  grep -E '^[a-z_]+=' "$work/dom.html" >&2 || true
  exit 1
fi
if [ -n "${SCREENSHOT:-}" ]; then
  cp "$work/report.png" "$SCREENSHOT"
  echo "html_report.sh: screenshot written to $SCREENSHOT"
fi
echo "html_report.sh: ok — $expected_claims claims, legend, $expected_sources sources and the graph rendered in $("$chromium" --version 2>/dev/null | head -n 1)"
