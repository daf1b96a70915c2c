#!/bin/sh
# Screenshots of every ZSQ Studio tab, for the README and release notes:
#   tools/screenshots.sh OUTDIR [MODEL]
# Starts zsq-studio --script-demo under xvfb-run: two short real runs (LRQ,
# then ClusterQ), a per-layer analysis and a t-SNE, then one PNG per tab
# (Model, Training, Synthetic Images, t-SNE, Per-layer, Results) in OUTDIR at
# 1280x800 (the README's), the same in OUTDIR/1024x768 and OUTDIR/1920x1080,
# and in presentation mode (full screen, 1920x1080) in OUTDIR/presentation.
# ZSQ_LANG=de or zh_CN for another language.
# Without MODEL it uses the shipped Fashion-MNIST demo model and its dataset;
# another model (e.g. a PyTorch-exported resnet20 state_dict) is quantized
# with dataset "none". ZSQ_STUDIO names the binary (default: build/bin).
set -eu
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 OUTDIR [MODEL]" >&2
    exit 2
fi
out=$1
here=$(cd "$(dirname "$0")/.." && pwd)
studio=${ZSQ_STUDIO:-$here/build/bin/zsq-studio}
if [ ! -x "$studio" ]; then
    echo "$0: $studio not found; build it or set ZSQ_STUDIO" >&2
    exit 2
fi
command -v xvfb-run >/dev/null || { echo "$0: xvfb-run missing (apt install xvfb)" >&2; exit 2; }
mkdir -p "$out"
# A fixed screen and light theme, so that the pictures look the same on
# every machine; English unless ZSQ_LANG says otherwise.
set -- --theme "${ZSQ_THEME:-light}" --script-demo "$out" ${2:+"$2"}
xvfb-run -a -s "-screen 0 1920x1080x24" "$studio" "$@"
ls -l "$out"/*.png
