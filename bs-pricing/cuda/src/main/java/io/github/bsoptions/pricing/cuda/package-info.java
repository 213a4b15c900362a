/**
 * The GPU batch pricing backend ({@code cuda}): Black-Scholes-Merton and Black-76 prices,
 * first-order greeks and implied volatilities in double precision on NVIDIA GPUs, through JCuda and
 * the CUDA driver API. The kernels are CUDA C ({@code src/main/cuda/bs_kernels.cu}) compiled to PTX
 * that ships as a resource and is loaded with {@code cuModuleLoadData}.
 *
 * <p>Discovered through {@link io.github.bsoptions.pricing.cuda.CudaBackendProvider} (priority
 * {@value io.github.bsoptions.pricing.cuda.CudaBackendProvider#PRIORITY}); on a machine without a
 * GPU or driver it reports itself unavailable with the reason, and {@code auto} uses the next
 * backend.
 */
package io.github.bsoptions.pricing.cuda;
