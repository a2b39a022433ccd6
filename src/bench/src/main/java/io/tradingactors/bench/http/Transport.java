package io.tradingactors.bench.http;

/**
 * How the load generator puts a request on the wire: one request in flight per connection, at most as many in flight
 * as the transport has connections (the generator holds a permit per request and never sends without one).
 */
interface Transport extends AutoCloseable {

  /** One request: method, path (with the query), and a JSON body or null. */
  record Request(String method, String path, byte[] body) {}

  /** Called exactly once per request, from any thread: the status, or a negative number for a transport failure. */
  interface Callback {
    void complete(int status, long doneNanos);
  }

  /** Sends {@code request}; returns at once (the write of a small request to an idle connection does not block). */
  void send(Request request, Callback callback);

  /** The names of the threads this transport runs on (for the generator's CPU time); the sender is counted apart. */
  boolean isOwnThread(String threadName);

  String describe();

  @Override
  void close();
}
