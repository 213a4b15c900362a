/**
 * The backend SPI: implement {@link io.github.bsoptions.pricing.spi.PricingBackendProvider} and
 * register it with {@link java.util.ServiceLoader} to plug a new batch engine in.
 */
package io.github.bsoptions.pricing.spi;
