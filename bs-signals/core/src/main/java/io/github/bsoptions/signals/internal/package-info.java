/** Internal helpers of bs-signals. Not exported; unstable. */
package io.github.bsoptions.signals.internal;
