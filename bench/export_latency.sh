#!/usr/bin/env bash
# Latency of an exported W8A8 graph in ONNX Runtime against the same model's
# float ONNX graph, same runtime, same thread count, batch 1 and 32.
#
#   bench/export_latency.sh [OUTDIR] [THREADS]
#
# Models: the shipped demo network (1x28x28) and a torchvision resnet18
# (random weights, 3x224x224; the weights do not change the latency), each
# quantized with a short ZeroQ PTQ at W8A8 (no dataset). Prints one Markdown
# table row per model and batch. Needs build/bin/zsq, python3 with torch and
# torchvision, and onnxruntime-node (installer/install-deps.sh).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-/tmp/zsq-export-latency}"
threads="${2:-1}"
zsq="${ZSQ:-${root}/build/bin/zsq}"
runner="${root}/tests/auto/export/run_onnx.js"
python="${PYTHON:-/usr/bin/python3}"
iterations="${ITERATIONS:-50}"
mkdir -p "${out}"

quantize() { # name model input-size
  local name=$1 model=$2
  if [[ ! -f "${out}/${name}/quantized.zsq" ]]; then
    "${zsq}" quantize --model "${model}" --method ptq --wbits 8 --abits 8 --dataset none \
      --set ptq.iterations=5 --set ptq.batch_size=8 --output "${out}/${name}" >"${out}/${name}.log" 2>&1
  fi
  "${zsq}" export --model "${out}/${name}/quantized.zsq" --format onnx --input-size "$3" \
    --output "${out}/${name}_w8a8.onnx" >"${out}/${name}_export.txt"
  "${zsq}" export --model "${out}/${name}/quantized.zsq" --format onnx --input-size "$3" --float \
    --output "${out}/${name}_fp32.onnx" >/dev/null
}

median() { # model batch c h w
  node "${runner}" --bench "$1" "$2" "$3" "$4" "$5" "${iterations}" "${threads}" |
    "${python}" -c 'import json,sys; print("%.3f" % json.load(sys.stdin)["median_ms"])'
}

if [[ ! -f "${out}/resnet18.pt" ]]; then
  "${python}" -c "import torch, torchvision; torch.manual_seed(0); \
torch.save(dict(torchvision.models.resnet18().state_dict()), '${out}/resnet18.pt')"
fi
quantize demo "${root}/resources/models/fmnist_resnet8.zsq" 28
quantize resnet18 "${out}/resnet18.pt" 224

echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores; ${threads} thread(s)"
echo "| model | batch | FP32 ONNX (ms) | W8A8 QDQ ONNX (ms) | speed-up |"
echo "|---|---|---|---|---|"
for spec in "demo 1 28" "demo 32 28" "resnet18 1 224" "resnet18 32 224"; do
  read -r name batch size <<<"${spec}"
  channels=$([[ ${name} == demo ]] && echo 1 || echo 3)
  fp=$(median "${out}/${name}_fp32.onnx" "${batch}" "${channels}" "${size}" "${size}")
  q=$(median "${out}/${name}_w8a8.onnx" "${batch}" "${channels}" "${size}" "${size}")
  echo "| ${name} | ${batch} | ${fp} | ${q} | $("${python}" -c "print('%.2fx' % (${fp} / ${q}))") |"
done
for name in demo resnet18; do
  echo "${name}: $(grep '^size:' "${out}/${name}_export.txt")"
done
