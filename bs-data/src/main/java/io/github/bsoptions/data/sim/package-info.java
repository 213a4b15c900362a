/**
 * The offline data sources: {@link io.github.bsoptions.data.sim.SimulatedMarket} (a deterministic
 * simulated market with its own clock) configured by {@link
 * io.github.bsoptions.data.sim.SimulationConfig}.
 */
package io.github.bsoptions.data.sim;
