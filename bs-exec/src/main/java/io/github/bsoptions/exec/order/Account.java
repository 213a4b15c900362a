package io.github.bsoptions.exec.order;

/**
 * Account figures used by pre-trade checks.
 *
 * @param accountId broker account id
 * @param cash cash balance
 * @param buyingPower buying power
 * @param optionsBuyingPower options buying power ({@code NaN} when the broker has none)
 * @param optionsLevel options trading level (0 to 3; -1 unknown)
 * @param tradingBlocked true when the broker blocks trading
 */
public record Account(
    String accountId,
    double cash,
    double buyingPower,
    double optionsBuyingPower,
    int optionsLevel,
    boolean tradingBlocked) {}
