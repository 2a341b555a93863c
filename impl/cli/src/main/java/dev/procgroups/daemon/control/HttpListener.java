package dev.procgroups.daemon.control;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A small HTTP/1.1 server on Netty: one event loop thread reads every connection without blocking
 * (a client that sends slowly or not at all holds no thread), {@link ConnectionWatch} caps
 * connections and times requests out, bodies over a limit are refused unread, and each complete
 * request is answered on a worker thread by the {@link HttpExchange.Routes}. A connection reads its
 * next request only after the reply to the last one went out (replies stay in order; a client
 * cannot queue work).
 *
 * <p>Netty rather than the JDK's {@code HttpServer}: the JDK server reads request headers on its
 * worker threads, so 16 clients that each send half a request held all 16 workers.
 */
final class HttpListener implements AutoCloseable {

  /** How much a listener admits; {@link #DEFAULT} for the node daemon. */
  record Limits(
      int maxConnections, int maxBodyBytes, Duration requestDeadline, Duration idleTimeout) {
    static final Limits DEFAULT =
        new Limits(64, 4 << 20, Duration.ofSeconds(5), Duration.ofSeconds(30));
  }

  private static final int MAX_HEADER_BYTES = 8192;
  private static final int WORKERS = 16;

  private final EventLoopGroup loop;
  private final ExecutorService workers;
  private final Channel server;
  private final ConnectionWatch watch;

  private HttpListener(
      EventLoopGroup loop, ExecutorService workers, Channel server, ConnectionWatch watch) {
    this.loop = loop;
    this.workers = workers;
    this.server = server;
    this.watch = watch;
  }

  static HttpListener start(InetSocketAddress address, Limits limits, HttpExchange.Routes routes)
      throws InterruptedException {
    EventLoopGroup loop = new NioEventLoopGroup(1, new DefaultThreadFactory("control-io", true));
    ExecutorService workers =
        Executors.newFixedThreadPool(WORKERS, new DefaultThreadFactory("control", true));
    ConnectionWatch watch =
        new ConnectionWatch(
            limits.maxConnections(), limits.requestDeadline(), limits.idleTimeout());
    try {
      Channel server =
          new ServerBootstrap()
              .group(loop)
              .channel(NioServerSocketChannel.class)
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                      ConnectionWatch.Handler connection = watch.handler();
                      ch.config().setTcpNoDelay(true);
                      ch.pipeline()
                          .addLast(connection)
                          .addLast(new HttpServerCodec(4096, MAX_HEADER_BYTES, 8192))
                          .addLast(new BodyLimit(limits.maxBodyBytes(), routes, connection))
                          .addLast(new Dispatch(routes, workers, connection));
                    }
                  })
              .bind(address)
              .sync()
              .channel();
      return new HttpListener(loop, workers, server, watch);
    } catch (Exception e) { // also a BindException, which Netty's sync() throws undeclared
      loop.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      workers.shutdownNow();
      throw e;
    }
  }

  /** {@link #start}, an interruption while binding said as an IOException. */
  static HttpListener startOrFail(
      InetSocketAddress address, Limits limits, HttpExchange.Routes routes) throws IOException {
    try {
      return start(address, limits, routes);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while binding " + address, e);
    }
  }

  InetSocketAddress address() {
    return (InetSocketAddress) server.localAddress();
  }

  /** The connection counts now (see {@link ConnectionWatch}). */
  ConnectionWatch.Counts connections() throws Exception {
    return loop.submit(watch::counts).get(5, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    server.close().awaitUninterruptibly();
    workers.shutdownNow(); // before the loop, so no worker writes to a stopped loop
    try {
      workers.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
  }

  private static FullHttpResponse response(HttpExchange.Answer answer) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(answer.status()),
            Unpooled.wrappedBuffer(answer.body()));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
    HttpUtil.setContentLength(response, answer.body().length);
    return response;
  }

  /** Writes {@code answer}; then closes the connection, or lets it read its next request. */
  private static void reply(
      ChannelHandlerContext ctx,
      HttpExchange.Answer answer,
      boolean keepAlive,
      ConnectionWatch.Handler connection) {
    FullHttpResponse response = response(answer);
    if (!keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    ctx.writeAndFlush(response)
        .addListener(
            (ChannelFutureListener)
                f -> {
                  if (!f.isSuccess()) {
                    f.channel().close();
                    return;
                  }
                  connection.becomeIdle();
                  f.channel().config().setAutoRead(true);
                });
  }

  /** Aggregates a request's body up to the limit; a larger one is answered 413, unread. */
  private static final class BodyLimit extends HttpObjectAggregator {
    private final HttpExchange.Routes routes;
    private final ConnectionWatch.Handler connection;

    BodyLimit(int maxBodyBytes, HttpExchange.Routes routes, ConnectionWatch.Handler connection) {
      super(maxBodyBytes);
      this.routes = routes;
      this.connection = connection;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
      // Keep-alive: the aggregator discards the rest of the body, then the next request follows.
      reply(ctx, routes.tooLarge(maxContentLength()), HttpUtil.isKeepAlive(oversized), connection);
    }
  }

  /** Hands each complete request to a worker and stops reading until it is answered. */
  private static final class Dispatch extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final HttpExchange.Routes routes;
    private final ExecutorService workers;
    private final ConnectionWatch.Handler connection;

    Dispatch(
        HttpExchange.Routes routes, ExecutorService workers, ConnectionWatch.Handler connection) {
      this.routes = routes;
      this.workers = workers;
      this.connection = connection;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      connection.busy();
      ctx.channel().config().setAutoRead(false);
      if (!request.decoderResult().isSuccess()) {
        reply(
            ctx,
            routes.malformed(String.valueOf(request.decoderResult().cause())),
            false,
            connection);
        return;
      }
      byte[] body = new byte[request.content().readableBytes()];
      request.content().readBytes(body);
      HttpExchange exchange =
          new HttpExchange(
              request.method().name(),
              new QueryStringDecoder(request.uri()).path(),
              request.headers().get(HttpHeaderNames.AUTHORIZATION),
              body);
      boolean keepAlive = HttpUtil.isKeepAlive(request);
      try {
        workers.execute(() -> answer(ctx, exchange, keepAlive));
      } catch (RejectedExecutionException closing) {
        ctx.close();
      }
    }

    private void answer(ChannelHandlerContext ctx, HttpExchange exchange, boolean keepAlive) {
      HttpExchange.Answer answer;
      try {
        answer = routes.handle(exchange);
      } catch (RuntimeException e) {
        ctx.close(); // the routes answer their own errors; this is a bug, not a client's fault
        throw e;
      }
      reply(ctx, answer, keepAlive, connection);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close(); // a reset connection: nothing to answer
    }
  }
}
