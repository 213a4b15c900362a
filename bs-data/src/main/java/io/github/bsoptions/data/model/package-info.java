/**
 * Immutable market-data values: contracts (OCC symbols), quotes, trades, bars, snapshots, chains.
 */
package io.github.bsoptions.data.model;
