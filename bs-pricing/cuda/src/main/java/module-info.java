/**
 * Batch pricing backend on NVIDIA GPUs through JCuda (CUDA driver API only: users need just the
 * NVIDIA driver). Without a GPU or driver the provider reports the backend unavailable with the
 * reason, and discovery moves on.
 */
module io.github.bsoptions.pricing.cuda {
  requires transitive io.github.bsoptions.pricing;
  requires jcuda;

  exports io.github.bsoptions.pricing.cuda;

  provides io.github.bsoptions.pricing.spi.PricingBackendProvider with
      io.github.bsoptions.pricing.cuda.CudaBackendProvider;
}
