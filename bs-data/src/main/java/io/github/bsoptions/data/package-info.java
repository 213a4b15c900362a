/** Market data: providers, failover, caching, simulation and replay. */
package io.github.bsoptions.data;
