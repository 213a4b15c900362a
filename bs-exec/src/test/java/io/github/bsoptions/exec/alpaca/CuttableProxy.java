package io.github.bsoptions.exec.alpaca;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A TCP proxy on loopback whose connections can be cut at once (a network drop, not a close). */
final class CuttableProxy implements AutoCloseable {
  private final ServerSocket listen;
  private final int upstreamPort;
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  CuttableProxy(int upstreamPort) throws IOException {
    this.upstreamPort = upstreamPort;
    this.listen = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::acceptLoop, "cuttable-proxy");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return listen.getLocalPort();
  }

  private void acceptLoop() {
    while (!listen.isClosed()) {
      try {
        Socket in = listen.accept();
        Socket out = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        open.add(in);
        open.add(out);
        pump(in, out);
        pump(out, in);
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[8192];
              try (InputStream i = from.getInputStream();
                  OutputStream o = to.getOutputStream()) {
                int n;
                while ((n = i.read(buf)) >= 0) {
                  o.write(buf, 0, n);
                  o.flush();
                }
              } catch (IOException e) {
                // cut or closed
              }
              closeQuietly(from);
              closeQuietly(to);
            },
            "cuttable-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  /** Resets every open connection (SO_LINGER 0: the peers see a reset). */
  void cut() {
    for (Socket s : open) {
      try {
        s.setSoLinger(true, 0);
      } catch (IOException e) {
        // already closed
      }
      closeQuietly(s);
    }
    open.clear();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    listen.close();
    cut();
  }
}
