/** GARCH(1,1) and GJR-GARCH(1,1,1) by maximum likelihood, with forecasts and simulation. */
package io.github.bsoptions.signals.vol.garch;
