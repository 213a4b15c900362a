#!/usr/bin/env bash
# Regenerates the PTX that bs-pricing-cuda loads with cuModuleLoadData. The Maven build does not
# need nvcc: the PTX is committed as a resource. CudaPtxTest compares this output with the
# committed file whenever nvcc is on the PATH.
#
# compute_75 is the oldest target CUDA 13 accepts; the driver JIT-compiles the PTX for newer GPUs
# (Ampere, Hopper, ...). The PTX ISA version follows the nvcc used: PTX from CUDA 13.0 needs an
# NVIDIA driver that supports CUDA 13.0. -fmad=false keeps the arithmetic identical to the Java
# reference (no fused multiply-add contraction).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/../resources/io/github/bsoptions/pricing/cuda/bs_kernels.ptx}"
nvcc -ptx -arch=compute_75 -fmad=false -O3 -o "$out" "$here/bs_kernels.cu"
echo "wrote $out"
