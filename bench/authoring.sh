#!/usr/bin/env bash
# The author's loop, timed: how long `descent` takes to bring the site up to date after each
# kind of edit, as a ratio to the cached `descent test` of the same lessons timed in the same
# run. It works on a copy of the course in a temporary folder (the lessons given are never
# touched) with caches of its own (DESCENT_BUILD_DIR and XDG_CACHE_HOME point into that
# folder); only the libraries lessons link are copied in, as part of the built tool.
#
#   bench/authoring.sh [--runs N] [--descent PATH] [--lessons DIR]
#
# Default: three runs, the release build .build/release/descent (built first when missing),
# the lessons/ folder. Each run times, in this order, on the six-lesson course:
#   test      `descent test` with nothing changed (the ratio's denominator)
#   no-op     `descent build` with nothing changed
#   prose     `descent build` after one prose line of 02-gradient-descent changed
#   output    `descent build` after one expected output number of it was changed (rounded
#             to one digit fewer, so that it still matches, then back in the next run)
#   swift     `descent build` after one Swift line of it changed (a comment added): its compile
#             and run, and what the build spent besides them (from --stats)
#   figures   `descent figures 02-gradient-descent --set start=V`, a value of each run's own;
#             the compiler must not run (its --stats count must be 0)
#   cold      `descent build` of a fresh copy of the course with every cache empty. Every figure is the
# wall-clock time of one command; every run and the median are printed.
set -euo pipefail

runs=3
descent=
lessons=lessons
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs=$2; shift 2 ;;
        --descent) descent=$2; shift 2 ;;
        --lessons) lessons=$2; shift 2 ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench/authoring.sh: unknown argument '$1'" >&2; exit 64 ;;
    esac
done
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "$descent" ]; then
    descent=$root/.build/release/descent
    [ -x "$descent" ] || (cd "$root" && swift build -c release --product descent >&2)
fi
descent=$(cd "$(dirname "$descent")" && pwd)/$(basename "$descent")
lessons=$(cd "$lessons" && pwd)
lesson=02-gradient-descent
[ -f "$lessons/$lesson.md" ] || { echo "bench/authoring.sh: no $lessons/$lesson.md" >&2; exit 1; }

scratch=$(mktemp -d "${TMPDIR:-/tmp}/descent-authoring.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# The libraries lessons link, part of the built tool: the tool's own, or built once here
# (any descent command that runs lessons builds them first).
libraries=$(dirname "$descent")/lesson-libraries
if [ ! -d "$libraries" ]; then
    echo "building the libraries lessons link ..."
    mkdir -p "$scratch/tool" "$scratch/empty"
    DESCENT_BUILD_DIR=$scratch/tool "$descent" test --lessons "$scratch/empty" >/dev/null 2>&1 || true
    libraries=$scratch/tool/lesson-libraries
fi

# Caches of their own at $scratch/$1-caches, empty but for those libraries.
fresh_caches() {
    rm -rf "${scratch:?}/$1-caches"
    mkdir -p "$scratch/$1-caches/build" "$scratch/$1-caches/xdg"
    cp -a "$libraries" "$scratch/$1-caches/build/"
}

# A copy of the course at $scratch/$1.
fresh_course() {
    rm -rf "${scratch:?}/$1"
    mkdir -p "$scratch/$1"
    cp -a "$lessons" "$scratch/$1/lessons"
}

# Runs descent in the course $1 (with its caches) with the rest as arguments, into
# $scratch/last.{out,err}; sets `seconds` (wall clock) and `status`.
timed() {
    local course=$1
    shift
    local start end
    start=$(date +%s%N)
    status=0
    (cd "$scratch/$course" && DESCENT_BUILD_DIR=$scratch/$course-caches/build \
        XDG_CACHE_HOME=$scratch/$course-caches/xdg NO_COLOR=1 \
        "$descent" "$@" --stats >"$scratch/last.out" 2>"$scratch/last.err") || status=$?
    end=$(date +%s%N)
    seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
}

# The --stats numbers of the last command: compiler runs, their seconds, program runs, their seconds.
stats() {
    sed -n 's/^stats: compiler runs \([0-9]*\) (\([0-9.]*\) s), lesson program runs \([0-9]*\) (\([0-9.]*\) s),.*/\1 \2 \3 \4/p' \
        "$scratch/last.err" | tail -1
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# Edits of the course's copy of the lesson, each different from the one before.
edit() {
    python3 - "$scratch/course/lessons/$lesson.md" "$1" "$2" <<'PY'
import re, sys
from decimal import Decimal, ROUND_HALF_EVEN
path, kind, run = sys.argv[1], sys.argv[2], int(sys.argv[3])
lines = open(path, encoding="utf-8").read().split("\n")
fence, body_started, done = None, False, False
front = 0
for i, line in enumerate(lines):
    if front < 2:
        front += line == "---"
        continue
    if line.startswith("```"):
        fence = None if fence else line[3:].split()[0] if line[3:].split() else "text"
        continue
    if kind == "prose" and fence is None and re.match(r"^[A-Za-z]", line):
        lines[i] = line + f" (edit {run})"
        done = True
    elif kind == "swift" and fence == "swift" and re.match(r"^(let|var) .*[)\]0-9]$", line):
        lines[i] = re.sub(r" // edit \d+$", "", line) + f" // edit {run}"
        done = True
    elif kind == "output" and fence == "output":
        # One number with at least two decimals: rounded to one fewer on odd runs (still
        # matching what is printed), back on even ones; the original is kept in a comment file.
        import os
        keep = path + ".output-original"
        if run % 2 == 0 and os.path.exists(keep):
            index, original = open(keep).read().split("\n", 1)
            lines[int(index)] = original
            os.remove(keep)
            done = True
        else:
            m = re.search(r"(?<![\d.])-?\d+\.\d{2,}(?![\d.e])", line)
            if m:
                digits = len(m.group().split(".")[1]) - 1
                rounded = Decimal(m.group()).quantize(Decimal(1).scaleb(-digits), ROUND_HALF_EVEN)
                open(keep, "w").write(f"{i}\n{line}")
                lines[i] = line[: m.start()] + str(rounded) + line[m.end() :]
                done = True
    if done:
        break
if not done:
    sys.exit(f"bench/authoring.sh: found no {kind} line to edit in {path}")
open(path, "w", encoding="utf-8").write("\n".join(lines))
PY
}

echo "descent: $descent"
echo "lessons: $lessons ($(ls "$lessons"/*.md | wc -l) lessons), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
fresh_caches course
fresh_course course
echo "warming the caches (one build, one test) ..."
timed course build --lessons lessons --out site
echo "  first build: ${seconds} s (exit $status; compiler runs, s, program runs, s: $(stats))"
timed course test --lessons lessons
echo "  first test: ${seconds} s (exit $status)"

declare -a all_test all_noop all_prose all_output all_swift all_swift_rest all_figures all_cold
for run in $(seq 1 "$runs"); do
    # Bring the site to the lessons' state before timing (the previous run's figures changed it).
    timed course build --lessons lessons --out site
    # And descent test's: after the previous run's Swift edit, its exercises are verified once more.
    timed course test --lessons lessons
    timed course test --lessons lessons
    test=$seconds; test_status=$status
    timed course build --lessons lessons --out site
    noop=$seconds; noop_status=$status; noop_stats=$(stats)
    edit prose "$run"
    timed course build --lessons lessons --out site
    prose=$seconds; prose_status=$status
    edit output "$run"
    timed course build --lessons lessons --out site
    output=$seconds; output_status=$status
    edit swift "$run"
    timed course build --lessons lessons --out site
    swift=$seconds; swift_status=$status
    read -r s_compiles s_compile_seconds s_programs s_program_seconds <<<"$(stats)"
    swift_rest=$(awk -v a="$swift" -v c="$s_compile_seconds" -v p="$s_program_seconds" 'BEGIN { printf "%.3f", a - c - p }')
    timed course figures "$lesson" --lessons lessons --out site --set "start=$((10 + run)).5"
    figures=$seconds; figures_status=$status
    read -r f_compiles _ f_programs _ <<<"$(stats)"
    figures_check=$([ "$f_compiles" = 0 ] && echo "0 compiler runs: ok" || echo "$f_compiles compiler runs: FAILED, must be 0")

    all_test+=("$test"); all_noop+=("$noop"); all_prose+=("$prose"); all_output+=("$output")
    all_swift+=("$swift"); all_swift_rest+=("$swift_rest"); all_figures+=("$figures")
    echo "run $run:"
    printf '  %-14s %7.3f s                 (exit %s)\n' "cached test" "$test" "$test_status"
    printf '  %-14s %7.3f s  %6s× test   (exit %s; compiler runs, s, program runs, s: %s)\n' \
        "no-op build" "$noop" "$(ratio "$noop" "$test")" "$noop_status" "$noop_stats"
    printf '  %-14s %7.3f s  %6s× test   (exit %s)\n' "prose edit" "$prose" "$(ratio "$prose" "$test")" "$prose_status"
    printf '  %-14s %7.3f s  %6s× test   (exit %s)\n' "output edit" "$output" "$(ratio "$output" "$test")" "$output_status"
    printf '  %-14s %7.3f s  %6s× test   (exit %s; %s compile %s s, %s program runs %s s, rest %s s)\n' \
        "swift edit" "$swift" "$(ratio "$swift" "$test")" "$swift_status" "$s_compiles" "$s_compile_seconds" \
        "$s_programs" "$s_program_seconds" "$swift_rest"
    printf '  %-14s %7.3f s  %6s× test   (exit %s; %s, %s program runs)\n' \
        "figures --set" "$figures" "$(ratio "$figures" "$test")" "$figures_status" "$figures_check" "$f_programs"

    # A fresh copy of the course, with caches of its own, every one empty.
    fresh_caches cold
    fresh_course cold
    timed cold build --lessons lessons --out site
    all_cold+=("$seconds")
    printf '  %-14s %7.3f s  %6s× test   (exit %s; compiler runs, s, program runs, s: %s)\n' \
        "cold build" "$seconds" "$(ratio "$seconds" "$test")" "$status" "$(stats)"
done

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
t=$(median "${all_test[@]}")
echo "medians of $runs runs (each also as a ratio to the median cached test, $t s):"
for name in noop prose output swift swift_rest figures cold; do
    eval "values=(\"\${all_${name}[@]}\")"
    m=$(median "${values[@]}")
    printf '  %-12s %7.3f s  %6s×   (runs: %s)\n' "$name" "$m" "$(ratio "$m" "$t")" "${values[*]}"
done
