package dev.procgroups.daemon.control;

/**
 * One complete HTTP request as the listener read it, and what to answer.
 *
 * @param method e.g. {@code POST}
 * @param path the request path without its query
 * @param authorization the {@code Authorization} header, or null
 * @param body the whole body (at most the listener's limit)
 */
record HttpExchange(String method, String path, String authorization, byte[] body) {

  /** A reply: status, content type and body. */
  record Answer(int status, String contentType, byte[] body) {}

  /** What a listener serves. Called on a worker thread, one request per connection at a time. */
  interface Routes {
    Answer handle(HttpExchange request);

    /** The reply to a body over the limit (not read: the rest of it is discarded). */
    Answer tooLarge(int maxBodyBytes);

    /** The reply to a request that is not valid HTTP (the connection is closed after it). */
    Answer malformed(String why);
  }
}
