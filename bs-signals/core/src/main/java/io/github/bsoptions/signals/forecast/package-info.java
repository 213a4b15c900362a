/** Built-in forecasters (GARCH, GJR-GARCH, trailing realized variance) and their providers. */
package io.github.bsoptions.signals.forecast;
