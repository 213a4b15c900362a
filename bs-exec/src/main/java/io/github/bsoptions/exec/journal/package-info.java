/**
 * The write-ahead journal and recovery: an append-only file of checksummed records, each forced to
 * disk before the action it describes ({@link io.github.bsoptions.exec.journal.Journal}); a pure
 * replay into the ledger state ({@link io.github.bsoptions.exec.journal.Ledger}); and the
 * reconciliation with a broker before trading ({@link
 * io.github.bsoptions.exec.journal.Reconciler}).
 */
package io.github.bsoptions.exec.journal;
