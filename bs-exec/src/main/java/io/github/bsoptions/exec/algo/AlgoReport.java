package io.github.bsoptions.exec.algo;

/**
 * What an algorithm achieved.
 *
 * @param targetQty the parent quantity
 * @param filledQty filled quantity
 * @param avgPrice average fill price ({@code NaN} when nothing filled)
 * @param arrivalMid the mid when the algorithm started
 * @param slippage signed cost per unit against the arrival mid (positive = paid more / received
 *     less)
 * @param slippageBps slippage in basis points of the arrival mid
 * @param childOrders child orders sent
 */
public record AlgoReport(
    long targetQty,
    long filledQty,
    double avgPrice,
    double arrivalMid,
    double slippage,
    double slippageBps,
    int childOrders) {}
