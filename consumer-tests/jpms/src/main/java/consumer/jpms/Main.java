package consumer.jpms;

import io.github.bsoptions.pricing.backend.BackendInfo;
import io.github.bsoptions.pricing.backend.PricingBackends;
import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.batch.OptionBatch;
import io.github.bsoptions.pricing.formula.BlackScholesFormulas;

public final class Main {
  public static void main(String[] args) throws java.io.IOException {
    if (Main.class.getModule().getName() == null
        || BlackScholesFormulas.class.getModule().getName() == null) {
      fail("not running on the module path");
    }
    double put = BlackScholesFormulas.price(false, 42, 40, 0.5, 0.10, 0, 0.20);
    if (Math.abs(put - 0.8085993729000922) > 1e-12) {
      fail("Hull put: expected 0.8085993729000922, got " + put);
    }
    boolean scalar = false;
    for (BackendInfo info : PricingBackends.describe()) {
      scalar |= info.name().equals("scalar") && info.availability().available();
    }
    if (!scalar) {
      fail("scalar backend not discovered through module-info provides");
    }
    OptionBatch batch =
        OptionBatch.of(
            new boolean[] {false}, new double[] {42}, new double[] {40}, new double[] {0.5},
            new double[] {0.10}, new double[] {0}, new double[] {0.20});
    double[] out = new double[1];
    byte[] status = new byte[1];
    PricingBackends.auto().price(BatchModel.BLACK_SCHOLES, batch, out, status);
    if (Math.abs(out[0] - put) > 1e-12) {
      fail("batch price " + out[0] + " differs from scalar " + put);
    }
    String data;
    try {
      data = DataCheck.run();
    } catch (RuntimeException e) {
      e.printStackTrace();
      fail("bs-data: " + e);
      return;
    }
    System.out.println(
        "jpms consumer OK on Java "
            + Runtime.version()
            + ": put = "
            + put
            + " from module "
            + BlackScholesFormulas.class.getModule().getName()
            + "; "
            + data);
  }

  private static void fail(String message) {
    System.err.println("jpms consumer FAILED: " + message);
    System.exit(1);
  }
}
