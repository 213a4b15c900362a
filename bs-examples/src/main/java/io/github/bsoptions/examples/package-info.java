/**
 * Small programs that each use one bs-options artifact alone, as a user would: price a chain and
 * solve its implied volatilities (bs-pricing), read a simulated chain (bs-data), fit GARCH
 * (bs-signals), size and check a trade (bs-risk) and submit a paper order (bs-exec). Run one with
 * {@code java -cp bs-examples/target/bs-app.jar io.github.bsoptions.examples.PriceChainExample}.
 */
package io.github.bsoptions.examples;
