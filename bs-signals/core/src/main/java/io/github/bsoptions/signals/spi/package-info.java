/** Service-provider interfaces of bs-signals: volatility forecasters. */
package io.github.bsoptions.signals.spi;
