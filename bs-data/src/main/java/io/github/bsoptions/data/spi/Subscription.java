package io.github.bsoptions.data.spi;

/** A live streaming subscription; closing it stops the stream. */
public interface Subscription extends AutoCloseable {

  /** Returns the current state. */
  StreamState state();

  /** Stops streaming and releases the connection. */
  @Override
  void close();
}
