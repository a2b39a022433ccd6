package io.tradingactors.bench.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A minimal HTTP/1.1 client for the load generator, in the manner of wrk: a fixed pool of keep-alive connections,
 * one request in flight on each (no pipelining), requests written by the generator's sender thread, responses read
 * by one selector thread that wakes only when bytes arrive. No futures, no executor hand-off, no per-request objects
 * beyond the request's bytes: a few microseconds of CPU a request, so the generator takes little of the two cores it
 * shares with the server it measures.
 *
 * <p>It reads what pekko-http answers: a status line, headers, and a body of {@code Content-Length} bytes (or a
 * chunked body, read to its last chunk). A connection the server closes is reopened; a request on it fails (status
 * −1) and is counted as a transport error.
 */
final class NioTransport implements Transport {

  private final InetSocketAddress address;
  private final String host;
  private final Selector selector;
  private final ConcurrentLinkedQueue<Conn> idle = new ConcurrentLinkedQueue<>();
  private final Thread receiver;
  private final int connections;
  private volatile boolean closed;
  final AtomicLong reopened = new AtomicLong();

  private static final class Conn {
    final SocketChannel channel;
    final AtomicReference<Callback> callback = new AtomicReference<>();
    final AtomicBoolean dead = new AtomicBoolean();
    ByteBuffer in = ByteBuffer.allocate(8192); // the receiver's only

    Conn(SocketChannel channel) {
      this.channel = channel;
    }
  }

  NioTransport(InetSocketAddress address, int connections) throws IOException {
    this.address = address;
    this.host = address.getHostString() + ":" + address.getPort();
    this.connections = connections;
    this.selector = Selector.open();
    for (int i = 0; i < connections; i++) {
      idle.add(open());
    }
    receiver = new Thread(this::receive, "httpbench-nio-receiver");
    receiver.setDaemon(true);
    receiver.start();
  }

  private Conn open() throws IOException {
    SocketChannel ch = SocketChannel.open(address);
    ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
    ch.configureBlocking(false);
    Conn c = new Conn(ch);
    ch.register(selector, SelectionKey.OP_READ, c); // does not block on a selector in select() since JDK 11
    return c;
  }

  @Override
  public void send(Request request, Callback callback) {
    Conn c = idle.poll();
    if (c == null) { // a connection the server closed could not be reopened (the server is gone)
      callback.complete(-1, System.nanoTime());
      return;
    }
    c.callback.set(callback);
    ByteBuffer out = ByteBuffer.wrap(encode(request));
    try {
      while (out.hasRemaining()) {
        if (c.channel.write(out) == 0) {
          Thread.onSpinWait(); // the socket's send buffer is full: not with one small request a connection
        }
      }
    } catch (IOException e) {
      fail(c);
      Callback cb = c.callback.getAndSet(null);
      if (cb != null) {
        cb.complete(-1, System.nanoTime());
      }
    }
  }

  private byte[] encode(Request r) {
    StringBuilder h = new StringBuilder(160).append(r.method()).append(' ').append(r.path())
        .append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n");
    if (r.body() != null) {
      h.append("Content-Type: application/json\r\nContent-Length: ").append(r.body().length).append("\r\n");
    }
    byte[] head = h.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    if (r.body() == null) {
      return head;
    }
    byte[] all = new byte[head.length + r.body().length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(r.body(), 0, all, head.length, r.body().length);
    return all;
  }

  private void receive() {
    while (!closed) {
      try {
        selector.select();
      } catch (IOException e) {
        return;
      }
      long now = System.nanoTime();
      Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
      while (keys.hasNext()) {
        SelectionKey key = keys.next();
        keys.remove();
        if (key.isValid() && key.isReadable()) {
          read((Conn) key.attachment(), now);
        }
      }
    }
  }

  private void read(Conn c, long now) {
    try {
      while (true) {
        if (!c.in.hasRemaining()) {
          ByteBuffer bigger = ByteBuffer.allocate(c.in.capacity() * 2);
          c.in.flip();
          bigger.put(c.in);
          c.in = bigger;
        }
        int n = c.channel.read(c.in);
        if (n < 0) {
          failAndComplete(c, now);
          return;
        }
        if (n == 0) {
          break;
        }
      }
    } catch (IOException e) {
      failAndComplete(c, now);
      return;
    }
    parse(c, now);
  }

  /** A whole response in the buffer: completes its request and returns the connection to the pool. */
  private void parse(Conn c, long now) {
    byte[] b = c.in.array();
    int len = c.in.position();
    int headerEnd = -1;
    for (int i = 3; i < len; i++) {
      if (b[i] == '\n' && b[i - 1] == '\r' && b[i - 2] == '\n' && b[i - 3] == '\r') {
        headerEnd = i + 1;
        break;
      }
    }
    if (headerEnd < 0) {
      return;
    }
    String head = new String(b, 0, headerEnd, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    int status;
    try {
      status = Integer.parseInt(head.substring(9, 12));
    } catch (RuntimeException e) {
      status = -2;
    }
    int end;
    int cl = head.indexOf("\r\ncontent-length:");
    if (cl >= 0) {
      int eol = head.indexOf("\r\n", cl + 2);
      end = headerEnd + Integer.parseInt(head.substring(cl + 17, eol).trim());
      if (len < end) {
        return;
      }
    } else if (head.contains("\r\ntransfer-encoding: chunked")) {
      // the last chunk: "0\r\n\r\n" at the end of what has arrived
      if (len - headerEnd < 5 || b[len - 5] != '0' || b[len - 4] != '\r' || b[len - 3] != '\n'
          || b[len - 2] != '\r' || b[len - 1] != '\n') {
        return;
      }
      end = len;
    } else {
      end = headerEnd; // no body (e.g. 204)
    }
    boolean close = head.contains("\r\nconnection: close");
    // keep whatever follows (nothing, with one request in flight)
    c.in.position(end).limit(len);
    c.in.compact();
    Callback cb = c.callback.getAndSet(null);
    if (close) {
      fail(c);
    } else {
      idle.add(c);
    }
    if (cb != null) {
      cb.complete(status, now);
    }
  }

  private void failAndComplete(Conn c, long now) {
    fail(c);
    Callback cb = c.callback.getAndSet(null);
    if (cb != null) {
      cb.complete(-1, now);
    }
  }

  /** Closes a connection and puts a new one in the pool in its place (before its request's permit is released). */
  private void fail(Conn c) {
    if (!c.dead.compareAndSet(false, true)) {
      return;
    }
    idle.remove(c);
    try {
      c.channel.close();
    } catch (IOException ignored) {
      // replaced below
    }
    if (closed) {
      return;
    }
    try {
      idle.add(open());
      reopened.incrementAndGet();
      selector.wakeup();
    } catch (IOException e) {
      System.err.println("httpbench: cannot reopen a connection to " + host + ": " + e);
    }
  }

  @Override
  public boolean isOwnThread(String threadName) {
    return threadName.equals("httpbench-nio-receiver");
  }

  @Override
  public String describe() {
    return "nio (the benchmark's own HTTP/1.1 client: " + connections + " keep-alive connections, one request in "
        + "flight on each, one selector thread; connections reopened: " + reopened.get() + ")";
  }

  @Override
  public void close() {
    closed = true;
    selector.wakeup();
    try {
      receiver.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (SelectionKey k : selector.keys()) {
      try {
        k.channel().close();
      } catch (IOException ignored) {
        // closing
      }
    }
    try {
      selector.close();
    } catch (IOException ignored) {
      // closing
    }
  }
}
