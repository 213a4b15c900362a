/**
 * Conformance kit for bs-pricing backends: seeded option-batch generators (edge rows included) and
 * a verifier that compares a backend with the scalar reference. No test-framework dependencies.
 */
module io.github.bsoptions.pricing.testkit {
  requires transitive io.github.bsoptions.pricing;

  exports io.github.bsoptions.pricing.testkit;
}
