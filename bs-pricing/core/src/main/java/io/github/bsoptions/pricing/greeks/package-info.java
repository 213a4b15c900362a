/** Price sensitivities (greeks) and their unit conventions. */
package io.github.bsoptions.pricing.greeks;
