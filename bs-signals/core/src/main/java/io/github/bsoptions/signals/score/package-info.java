/** Multi-factor scoring of option chains with per-factor explanations. */
package io.github.bsoptions.signals.score;
