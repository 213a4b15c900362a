/** Probability of profit, of touching and expected move for single and multi-leg positions. */
package io.github.bsoptions.signals.pop;
