package io.github.bsoptions.pricing.cuda;

import static jcuda.driver.JCudaDriver.cuCtxCreate;
import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuCtxSynchronize;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDeviceGetCount;
import static jcuda.driver.JCudaDriver.cuDeviceGetName;
import static jcuda.driver.JCudaDriver.cuInit;
import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuModuleGetFunction;
import static jcuda.driver.JCudaDriver.cuModuleLoadData;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import jcuda.Pointer;
import jcuda.Sizeof;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.JCudaDriver;

/**
 * The device side on a real GPU: one context on device 0, the PTX module loaded with {@code
 * cuModuleLoadData}, and device buffers for {@link #capacity()} rows allocated once and reused by
 * every call. Copies are synchronous from the Java arrays (pageable memory).
 */
final class JCudaKernels implements DeviceKernels {
  static final String PTX_RESOURCE = "bs_kernels.ptx";
  private static final int BLOCK = 256;

  private final int capacity;
  private final CUcontext context;
  private final CUfunction priceFn;
  private final CUfunction greeksFn;
  private final CUfunction ivFn;
  private final CUdeviceptr dCall;
  private final CUdeviceptr[] dIn = new CUdeviceptr[6];
  private final CUdeviceptr[] dOut = new CUdeviceptr[6];
  private final CUdeviceptr dDone;

  private JCudaKernels(int capacity) {
    this.capacity = capacity;
    JCudaDriver.setExceptionsEnabled(true);
    cuInit(0);
    CUdevice device = new CUdevice();
    cuDeviceGet(device, 0);
    context = new CUcontext();
    cuCtxCreate(context, 0, device);
    CUmodule module = new CUmodule();
    cuModuleLoadData(module, ptx());
    priceFn = function(module, "bs_price");
    greeksFn = function(module, "bs_greeks");
    ivFn = function(module, "bs_iv");
    dCall = alloc((long) capacity);
    for (int c = 0; c < 6; c++) {
      dIn[c] = alloc((long) capacity * Sizeof.DOUBLE);
      dOut[c] = alloc((long) capacity * Sizeof.DOUBLE);
    }
    dDone = alloc((long) capacity);
  }

  /** Opens device 0 with buffers for {@code capacity} rows. */
  static JCudaKernels open(int capacity) {
    return new JCudaKernels(capacity);
  }

  /**
   * Initialises the driver and describes device 0 ({@code "NVIDIA H100 ..."}), or throws what the
   * driver threw ({@link UnsatisfiedLinkError} without a driver, {@code CudaException} without a
   * device).
   */
  static String describeDevice() {
    JCudaDriver.setExceptionsEnabled(true);
    cuInit(0);
    int[] count = new int[1];
    cuDeviceGetCount(count);
    if (count[0] == 0) {
      return null;
    }
    CUdevice device = new CUdevice();
    cuDeviceGet(device, 0);
    byte[] name = new byte[256];
    cuDeviceGetName(name, name.length, device);
    int len = 0;
    while (len < name.length && name[len] != 0) {
      len++;
    }
    return new String(name, 0, len, StandardCharsets.US_ASCII) + " (" + count[0] + " device(s))";
  }

  /** Returns the PTX resource, NUL-terminated as {@code cuModuleLoadData} wants it. */
  static byte[] ptx() {
    try (InputStream in = JCudaKernels.class.getResourceAsStream(PTX_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("PTX resource " + PTX_RESOURCE + " missing");
      }
      byte[] text = in.readAllBytes();
      byte[] z = new byte[text.length + 1];
      System.arraycopy(text, 0, z, 0, text.length);
      return z;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CUfunction function(CUmodule module, String name) {
    CUfunction f = new CUfunction();
    cuModuleGetFunction(f, module, name);
    return f;
  }

  private static CUdeviceptr alloc(long bytes) {
    CUdeviceptr p = new CUdeviceptr();
    cuMemAlloc(p, Math.max(bytes, 8));
    return p;
  }

  @Override
  public int capacity() {
    return capacity;
  }

  private void upload(boolean black76, RowBuffers in, int n) {
    cuCtxSetCurrent(context);
    long bytes = (long) n * Sizeof.DOUBLE;
    cuMemcpyHtoD(dCall, Pointer.to(in.call), n);
    cuMemcpyHtoD(dIn[0], Pointer.to(in.spot), bytes);
    cuMemcpyHtoD(dIn[1], Pointer.to(in.strike), bytes);
    cuMemcpyHtoD(dIn[2], Pointer.to(in.expiry), bytes);
    cuMemcpyHtoD(dIn[3], Pointer.to(in.rate), bytes);
    if (!black76) {
      cuMemcpyHtoD(dIn[4], Pointer.to(in.div), bytes);
    }
    cuMemcpyHtoD(dIn[5], Pointer.to(in.vol), bytes);
  }

  private static int grid(int n) {
    return Math.max(1, Math.min((n + BLOCK - 1) / BLOCK, 65_535));
  }

  @Override
  public void price(boolean black76, RowBuffers in, int n, double[] out) {
    if (n == 0) {
      return;
    }
    upload(black76, in, n);
    Pointer params =
        Pointer.to(
            Pointer.to(new int[] {n}),
            Pointer.to(new int[] {black76 ? 1 : 0}),
            Pointer.to(dCall),
            Pointer.to(dIn[0]),
            Pointer.to(dIn[1]),
            Pointer.to(dIn[2]),
            Pointer.to(dIn[3]),
            Pointer.to(dIn[4]),
            Pointer.to(dIn[5]),
            Pointer.to(dOut[0]));
    cuLaunchKernel(priceFn, grid(n), 1, 1, BLOCK, 1, 1, 0, null, params, null);
    cuCtxSynchronize();
    cuMemcpyDtoH(Pointer.to(out), dOut[0], (long) n * Sizeof.DOUBLE);
  }

  @Override
  public void greeks(boolean black76, RowBuffers in, int n, double[][] out) {
    if (n == 0) {
      return;
    }
    upload(black76, in, n);
    Pointer params =
        Pointer.to(
            Pointer.to(new int[] {n}),
            Pointer.to(new int[] {black76 ? 1 : 0}),
            Pointer.to(dCall),
            Pointer.to(dIn[0]),
            Pointer.to(dIn[1]),
            Pointer.to(dIn[2]),
            Pointer.to(dIn[3]),
            Pointer.to(dIn[4]),
            Pointer.to(dIn[5]),
            Pointer.to(dOut[0]),
            Pointer.to(dOut[1]),
            Pointer.to(dOut[2]),
            Pointer.to(dOut[3]),
            Pointer.to(dOut[4]),
            Pointer.to(dOut[5]));
    cuLaunchKernel(greeksFn, grid(n), 1, 1, BLOCK, 1, 1, 0, null, params, null);
    cuCtxSynchronize();
    for (int c = 0; c < 6; c++) {
      cuMemcpyDtoH(Pointer.to(out[c]), dOut[c], (long) n * Sizeof.DOUBLE);
    }
  }

  @Override
  public void impliedVolatility(IvBuffers b, int n, int maxIter) {
    if (n == 0) {
      return;
    }
    cuCtxSetCurrent(context);
    long bytes = (long) n * Sizeof.DOUBLE;
    cuMemcpyHtoD(dIn[0], Pointer.to(b.forward), bytes);
    cuMemcpyHtoD(dIn[1], Pointer.to(b.strike), bytes);
    cuMemcpyHtoD(dIn[2], Pointer.to(b.logMoneyness), bytes);
    cuMemcpyHtoD(dIn[3], Pointer.to(b.target), bytes);
    Pointer params =
        Pointer.to(
            Pointer.to(new int[] {n}),
            Pointer.to(new int[] {maxIter}),
            Pointer.to(dIn[0]),
            Pointer.to(dIn[1]),
            Pointer.to(dIn[2]),
            Pointer.to(dIn[3]),
            Pointer.to(dOut[0]),
            Pointer.to(dDone));
    cuLaunchKernel(ivFn, grid(n), 1, 1, BLOCK, 1, 1, 0, null, params, null);
    cuCtxSynchronize();
    cuMemcpyDtoH(Pointer.to(b.v), dOut[0], bytes);
    cuMemcpyDtoH(Pointer.to(b.done), dDone, n);
  }
}
