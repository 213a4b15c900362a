package io.github.bsoptions.exec.engine;

/** Kill-switch modes. */
public enum KillSwitch {
  /** Normal trading. */
  ACTIVE,
  /** Only orders that reduce exposure are allowed. */
  REDUCING,
  /** No new orders; open orders are canceled. */
  HALTED
}
