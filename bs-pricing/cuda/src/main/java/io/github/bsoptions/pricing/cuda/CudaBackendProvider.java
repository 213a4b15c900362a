package io.github.bsoptions.pricing.cuda;

import io.github.bsoptions.pricing.spi.Availability;
import io.github.bsoptions.pricing.spi.PricingBackend;
import io.github.bsoptions.pricing.spi.PricingBackendProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Provides the {@code cuda} backend (priority {@value #PRIORITY}, above simd and scalar).
 *
 * <p>The probe first looks for the NVIDIA driver library on disk without loading anything (no
 * driver: unavailable, "no NVIDIA driver ..."); only where a driver exists does it load JCuda and
 * ask the driver for a device. Every {@link Throwable} on the way ({@link UnsatisfiedLinkError},
 * {@code CudaException}, {@link NoClassDefFoundError}) becomes "unavailable: reason"; nothing is
 * thrown, so {@link java.util.ServiceLoader} discovery never fails because of this backend. The
 * result is cached. {@link #create()} loads the PTX and allocates device buffers.
 *
 * <p>System properties: {@value #MIN_BATCH_PROPERTY} (smallest batch {@code auto} sends to the GPU,
 * default {@value #DEFAULT_MIN_BATCH}; not yet measured on a GPU) and {@value #CHUNK_PROPERTY}
 * (rows per device chunk, default {@value #DEFAULT_CHUNK}).
 */
public final class CudaBackendProvider implements PricingBackendProvider {
  /** Priority under {@code auto}: above simd (10) and scalar (0). */
  public static final int PRIORITY = 20;

  /** System property: the smallest batch {@code auto} routes to the GPU. */
  public static final String MIN_BATCH_PROPERTY = "bsoptions.pricing.cuda.minBatch";

  /** System property: rows per device chunk (device buffers hold this many rows). */
  public static final String CHUNK_PROPERTY = "bsoptions.pricing.cuda.chunk";

  static final int DEFAULT_MIN_BATCH = 65_536;
  static final int DEFAULT_CHUNK = 1 << 20;

  private static volatile Availability cached;

  /** Creates the provider (for {@link java.util.ServiceLoader}). */
  public CudaBackendProvider() {}

  @Override
  public String name() {
    return "cuda";
  }

  @Override
  public int priority() {
    return PRIORITY;
  }

  @Override
  public Availability probe() {
    Availability a = cached;
    if (a == null) {
      a = probeOnce(driverLibrary());
      cached = a;
    }
    return a;
  }

  /** Probes given the driver library found on disk, or null (a seam for tests). */
  static Availability probeOnce(Path driver) {
    if (driver == null) {
      return Availability.unavailable(
          "no NVIDIA driver: " + driverName() + " not found (no GPU or driver on this machine)");
    }
    return probeDevice();
  }

  /** Loads JCuda and asks the driver for device 0; never throws. */
  static Availability probeDevice() {
    try {
      String device = JCudaKernels.describeDevice();
      if (device == null) {
        return Availability.unavailable("no CUDA device (driver present, 0 devices)");
      }
      return Availability.available(device);
    } catch (Throwable e) { // NOPMD: UnsatisfiedLinkError, CudaException, NoClassDefFoundError
      return Availability.unavailable("CUDA driver unusable: " + e);
    }
  }

  @Override
  public PricingBackend create() {
    Availability a = probe();
    if (!a.available()) {
      throw new IllegalStateException("pricing backend 'cuda' is unavailable: " + a.reason());
    }
    int chunk = Integer.getInteger(CHUNK_PROPERTY, DEFAULT_CHUNK);
    int minBatch = Integer.getInteger(MIN_BATCH_PROPERTY, DEFAULT_MIN_BATCH);
    try {
      return new CudaPricingBackend(JCudaKernels.open(chunk), minBatch);
    } catch (RuntimeException | LinkageError e) {
      throw new IllegalStateException("pricing backend 'cuda' failed to start: " + e, e);
    }
  }

  private static String driverName() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    return os.contains("win") ? "nvcuda.dll" : "libcuda.so.1";
  }

  /** Returns the driver library if one is installed in a usual place, else null. */
  static Path driverLibrary() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("mac")) {
      return null;
    }
    List<String> dirs = new ArrayList<>();
    String ld = System.getenv(os.contains("win") ? "PATH" : "LD_LIBRARY_PATH");
    if (ld != null) {
      for (String d : ld.split(java.io.File.pathSeparator)) {
        if (!d.isBlank()) {
          dirs.add(d);
        }
      }
    }
    if (os.contains("win")) {
      dirs.add(System.getenv().getOrDefault("SystemRoot", "C:\\Windows") + "\\System32");
    } else {
      dirs.addAll(
          List.of(
              "/usr/lib/x86_64-linux-gnu",
              "/usr/lib/aarch64-linux-gnu",
              "/usr/lib64",
              "/usr/lib",
              "/usr/local/nvidia/lib64",
              "/usr/lib/wsl/lib"));
    }
    String name = driverName();
    for (String d : dirs) {
      Path p = Path.of(d, name);
      if (Files.exists(p)) {
        return p;
      }
    }
    return null;
  }
}
