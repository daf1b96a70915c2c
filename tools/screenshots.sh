#!/bin/sh
# Screenshots of every ZSQ Studio tab, for the README and for checking that
# the layouts fit:
#   tools/screenshots.sh [--tabs LIST] [--sizes LIST] [--langs LIST] [--reuse]
#                        [--run-limit S] [--analysis-limit S] [--shot-limit S]
#                        [--threads N] [--runs DIR]
#                        OUTDIR [MODEL]
# Starts zsq-studio --script-demo under xvfb-run (screen 1920x1080): two short
# real runs (LRQ, then ClusterQ), a per-layer analysis and a t-SNE, kept as a
# session in OUTDIR/runs (or --runs DIR), then one PNG per tab (model, training, images, tsne,
# layers, results) and size: 1280x800 (the README's) into OUTDIR, other sizes
# into OUTDIR/WxH, presentation mode (full screen) into OUTDIR/presentation.
#   --tabs training,layers      only these tabs (default: all)
#   --sizes 1024x768,presentation  only these sizes (default:
#                               1280x800,1024x768,1920x1080,presentation)
#   --langs en,de,zh_CN         one pass per language; other languages than en
#                               go into OUTDIR/LANG (default: $ZSQ_LANG or en)
#   --reuse                     open the runs folder's session of an earlier pass
#                               instead of running again (later languages of
#                               one call always reuse the first one's)
#   --run-limit S               each run is stopped after S s (default 900)
#   --analysis-limit S          each analysis likewise (default 300)
#   --shot-limit S              each picture waits at most S s for its tab to
#                               show data (default 60)
#   --threads N                 threads of each run (default 2)
#   --runs DIR                  keep the runs and their session in DIR instead
#                               of OUTDIR/runs: the pictures show its path in
#                               the log and status bar, so the README's are
#                               taken with a folder a user would have, e.g.
#                               "$HOME/Documents/ZSQ Studio/demo"
# Exit status: 0; 3 when a stage or picture hit its limit (the pictures are
# written, the log says which); 1 or 2 on errors.
# Without MODEL it uses the shipped Fashion-MNIST demo model and its dataset;
# another model (e.g. a PyTorch-exported resnet20 state_dict) is quantized
# with dataset "none". ZSQ_STUDIO names the binary (default: build/bin).
# Heavy: run it niced on a shared machine (nice -n 5 tools/screenshots.sh …).
set -eu
usage() {
    sed -n '4,7p' "$0" | sed 's/^# *//' >&2
    exit 2
}
langs=${ZSQ_LANG:-en}
runs=
reuse=0
while [ $# -gt 0 ]; do
    case $1 in
    --tabs) export ZSQ_SHOTS_TABS=$2; shift 2 ;;
    --sizes) export ZSQ_SHOTS_SIZES=$2; shift 2 ;;
    --langs) langs=$2; shift 2 ;;
    --reuse) reuse=1; shift ;;
    --run-limit) export ZSQ_SHOTS_RUN_LIMIT=$2; shift 2 ;;
    --analysis-limit) export ZSQ_SHOTS_ANALYSIS_LIMIT=$2; shift 2 ;;
    --shot-limit) export ZSQ_SHOTS_SHOT_LIMIT=$2; shift 2 ;;
    --threads) export ZSQ_SHOTS_THREADS=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    -*) usage ;;
    *) break ;;
    esac
done
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    usage
fi
out=$1
model=${2:-}
here=$(cd "$(dirname "$0")/.." && pwd)
studio=${ZSQ_STUDIO:-$here/build/bin/zsq-studio}
if [ ! -x "$studio" ]; then
    echo "$0: $studio not found; build it or set ZSQ_STUDIO" >&2
    exit 2
fi
command -v xvfb-run >/dev/null || { echo "$0: xvfb-run missing (apt install xvfb)" >&2; exit 2; }
runs=${runs:-$out/runs}
mkdir -p "$out" "$runs"
out=$(cd "$out" && pwd)
export ZSQ_SHOTS_RUNS="$(cd "$runs" && pwd)"
worst=0
for lang in $(echo "$langs" | tr ',' ' '); do
    dir=$out
    [ "$lang" = en ] || dir=$out/$lang
    mkdir -p "$dir"
    export ZSQ_SHOTS_REUSE=$reuse
    echo "$0: $lang into $dir" >&2
    # A fixed screen and light theme, so that the pictures look the same on
    # every machine.
    status=0
    xvfb-run -a -s "-screen 0 1920x1080x24" "$studio" --lang "$lang" --theme "${ZSQ_THEME:-light}" \
        --script-demo "$dir" ${model:+"$model"} || status=$?
    [ "$status" -le "$worst" ] || worst=$status
    [ "$status" -eq 0 ] || [ "$status" -eq 3 ] || break
    reuse=1   # the next language shows the same runs
done
ls -l "$out"/*.png "$out"/*/*.png 2>/dev/null | grep -v /runs/ || true
exit "$worst"
