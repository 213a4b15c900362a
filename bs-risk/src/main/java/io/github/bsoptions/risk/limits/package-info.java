/**
 * Risk limits as configuration ({@link io.github.bsoptions.risk.limits.RiskLimits}) and the kill
 * switch ({@link io.github.bsoptions.risk.limits.KillSwitch}).
 */
package io.github.bsoptions.risk.limits;
