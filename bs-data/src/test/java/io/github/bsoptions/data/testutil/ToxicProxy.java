package io.github.bsoptions.data.testutil;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-JVM TCP proxy on loopback between a client and a local server that injects network faults
 * (in the manner of Toxiproxy): {@link #reset()} aborts the current connections with a TCP RST,
 * {@link #stall()} stops forwarding on them while keeping them open, and {@link #slice(boolean)}
 * writes everything in 1- to 3-byte TCP segments. New connections after a reset or stall flow
 * normally. Two daemon threads per connection; {@link #close()} stops everything.
 */
public final class ToxicProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final InetSocketAddress upstream;
  private final List<Link> links = new CopyOnWriteArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private volatile boolean slice;
  private volatile boolean closed;

  /** Starts a proxy on an ephemeral loopback port forwarding to {@code upstreamPort}. */
  public ToxicProxy(int upstreamPort) throws IOException {
    this.upstream = new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort);
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::acceptLoop, "toxic-proxy-accept");
    t.setDaemon(true);
    t.start();
  }

  /** Returns the port clients connect to. */
  public int port() {
    return listener.getLocalPort();
  }

  /** Returns how many client connections were accepted so far. */
  public int connections() {
    return accepted.get();
  }

  /** Slices every forwarded write into 1- to 3-byte segments (both directions) while on. */
  public void slice(boolean on) {
    this.slice = on;
  }

  /** Aborts every current connection with a TCP RST on both sides. */
  public void reset() {
    for (Link l : links) {
      l.abort();
    }
  }

  /** Stops forwarding on every current connection, leaving the sockets open. */
  public void stall() {
    for (Link l : links) {
      l.stalled = true;
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    listener.close();
    reset();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket();
        server.connect(upstream, 5_000);
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        accepted.incrementAndGet();
        Link l = new Link(client, server);
        links.add(l);
        l.start();
      } catch (IOException e) {
        if (!closed) {
          continue;
        }
        return;
      }
    }
  }

  private final class Link {
    final Socket client;
    final Socket server;
    volatile boolean stalled;
    volatile boolean dead;

    Link(Socket client, Socket server) {
      this.client = client;
      this.server = server;
    }

    void start() {
      pump(client, server, "up");
      pump(server, client, "down");
    }

    void pump(Socket from, Socket to, String dir) {
      Thread t =
          new Thread(
              () -> {
                byte[] buf = new byte[8192];
                int seq = 0;
                try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                  int n;
                  while ((n = in.read(buf)) >= 0) {
                    while (stalled && !dead) {
                      Thread.sleep(5);
                    }
                    if (dead) {
                      break;
                    }
                    if (!slice) {
                      out.write(buf, 0, n);
                      out.flush();
                      continue;
                    }
                    for (int off = 0; off < n; ) {
                      int len = Math.min(n - off, 1 + (seq++ % 3));
                      out.write(buf, off, len);
                      out.flush();
                      off += len;
                    }
                  }
                } catch (IOException | InterruptedException e) {
                  // reset or closed: the other pump sees it too
                } finally {
                  abort();
                }
              },
              "toxic-proxy-" + dir);
      t.setDaemon(true);
      t.start();
    }

    void abort() {
      dead = true;
      links.remove(this);
      for (Socket s : List.of(client, server)) {
        try {
          s.setSoLinger(true, 0); // close() then sends RST instead of FIN
          s.close();
        } catch (SocketException e) {
          // already closed
        } catch (IOException e) {
          // closing anyway
        }
      }
    }
  }
}
