/** Conformance kit, jqwik arbitraries and finite-difference helpers for bs-pricing backends. */
package io.github.bsoptions.pricing.testkit;
