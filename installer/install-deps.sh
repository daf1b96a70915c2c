#!/usr/bin/env bash
# Installs everything ZSQ Studio needs to build, test and run on Debian 12.
# Run as root. Idempotent: only missing packages are installed, and
# `apt-get update` runs only when something is missing.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config
  libtorch-dev
  # c10d's Gloo bindings (data-parallel runs, core/distributed) need gloo's headers
  libgloo-dev
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqcustomplot-dev
  libopencv-dev libspdlog-dev nlohmann-json3-dev zlib1g-dev
  dataset-fashion-mnist
  libopenblas0-openmp
  xvfb xauth
  # CJK glyphs for the Simplified Chinese GUI; Qt's own dialogs translated
  fonts-wqy-microhei qt6-translations-l10n
  # PyTorch interop tests; scikit-learn for bench/tsne_vs_sklearn.py
  python3-torch python3-torchvision python3-numpy python3-sklearn
  file
  # libFuzzer + ASan/UBSan for the readers' fuzz targets (ctest fuzz_readers,
  # tests/fuzz); llvm for llvm-symbolizer (readable sanitizer reports)
  clang libclang-rt-dev llvm
  # ONNX export (zsq export --format onnx): ModelProto, checker, shape inference
  libonnx-dev
)

# Node.js + npm run ONNX Runtime (onnxruntime-node) in the export tests:
# Debian's packages only when no node/npm is on the PATH, so a NodeSource
# nodejs (which brings its own npm) stays as it is.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  PACKAGES+=(nodejs npm)
fi

step() { printf '==> %s\n' "$*"; }

if [[ ${EUID} -ne 0 ]]; then
  echo "install-deps.sh: run as root (e.g. sudo $0)" >&2
  exit 1
fi

is_installed() {
  [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" == installed ]]
}

missing=()
for pkg in "${PACKAGES[@]}"; do
  is_installed "${pkg}" || missing+=("${pkg}")
done

if ((${#missing[@]} == 0)); then
  step "all ${#PACKAGES[@]} packages are already installed"
else
  step "missing: ${missing[*]}"
  step "apt-get update"
  apt-get update
  step "apt-get install ${#missing[@]} package(s)"
  apt-get install -y --no-install-recommends "${missing[@]}"
fi

# Debian's LibTorch calls whatever libblas.so.3 is selected; the reference
# BLAS is ~40x slower than OpenBLAS, so select the OpenMP OpenBLAS variant.
arch_triplet="$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)"
for lib in libblas.so.3 liblapack.so.3; do
  name="${lib}-${arch_triplet}"
  target="/usr/lib/${arch_triplet}/openblas-openmp/${lib}"
  if [[ ! -e "${target}" ]]; then
    step "skip ${name}: ${target} does not exist"
    continue
  fi
  current="$(update-alternatives --query "${name}" 2>/dev/null | sed -n 's/^Value: //p')"
  if [[ "${current}" == "${target}" ]]; then
    step "${name} already points to ${target}"
  else
    step "update-alternatives --set ${name} ${target}"
    update-alternatives --set "${name}" "${target}"
  fi
done

# ONNX Runtime for the export tests and bench/export_latency.sh: the
# onnxruntime-node package from the npm registry, pinned, into a fixed prefix.
# Its CPU library ships inside the package; ONNXRUNTIME_NODE_INSTALL=skip keeps
# its install script from downloading anything else (GPU binaries).
ORT_NODE_VERSION=1.30.0
ORT_NODE_PREFIX=/opt/zsq/onnxruntime-node
ort_dir="${ORT_NODE_PREFIX}/node_modules/onnxruntime-node"
ort_installed="$(node -p "require('${ort_dir}/package.json').version" 2>/dev/null || true)"
if [[ "${ort_installed}" == "${ORT_NODE_VERSION}" ]]; then
  step "onnxruntime-node ${ORT_NODE_VERSION} is already in ${ORT_NODE_PREFIX}"
else
  step "npm install onnxruntime-node@${ORT_NODE_VERSION} into ${ORT_NODE_PREFIX}"
  mkdir -p "${ORT_NODE_PREFIX}"
  ONNXRUNTIME_NODE_INSTALL=skip npm install --prefix "${ORT_NODE_PREFIX}" --no-audit --no-fund \
    "onnxruntime-node@${ORT_NODE_VERSION}"
fi
if ! node -e "require('${ort_dir}')" >/dev/null 2>&1; then
  echo "install-deps.sh: onnxruntime-node in ${ORT_NODE_PREFIX} does not load" >&2
  exit 1
fi

step "done"
