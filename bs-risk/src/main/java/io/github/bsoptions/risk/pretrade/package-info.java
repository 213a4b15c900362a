/**
 * Pre-trade checks in the style of SEC Rule 15c3-5: {@link
 * io.github.bsoptions.risk.pretrade.PreTradeCheck} evaluates an {@link
 * io.github.bsoptions.risk.pretrade.OrderProposal} against the book, the working orders, the
 * account and fresh quotes, and returns a {@link io.github.bsoptions.risk.pretrade.Decision} naming
 * every breached rule with its value and limit. This package does not depend on any execution
 * layer; an order router adapts its orders to proposals.
 */
package io.github.bsoptions.risk.pretrade;
