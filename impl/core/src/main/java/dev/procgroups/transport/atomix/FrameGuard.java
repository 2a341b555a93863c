package dev.procgroups.transport.atomix;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds what one inbound connection can make Atomix buffer, before any authentication: the first
 * handler of every accepted connection, it reads along the bytes that Atomix 3.1.12's server side
 * decodes (without copying or holding them) and closes the connection when a frame announces more
 * content than {@code maxContentBytes}, or a header Atomix would choke on. Atomix's {@code
 * MessageDecoderV1} accumulates a frame until all of its announced length has arrived, with no
 * limit of its own, so without this one connection could fill the heap.
 *
 * <p>The wire format it follows (atomix-cluster 3.1.12, pinned by the build): a handshake of one
 * read of at least 6 bytes (int preamble, short version; Atomix discards the rest of that read),
 * then the sender's address once (a length byte, 4 or 16 address bytes, an int port), then frames:
 * a type byte (1 request, 2 reply), a message id and a content length as Atomix's varints (up to 5
 * bytes), the content, and for a request a short subject length and the subject, for a reply a
 * status byte. Each connection's guard is used on its own event loop thread only.
 */
final class FrameGuard extends ChannelInboundHandlerAdapter {

  /** Longer subjects are refused; ours is {@link AtomixTransport#SUBJECT}. */
  static final int MAX_SUBJECT_BYTES = 256;

  private static final int HANDSHAKE_BYTES = 6;
  private static final byte REQUEST = 1;
  private static final byte REPLY = 2;

  private enum State {
    HANDSHAKE,
    ADDRESS_LENGTH,
    ADDRESS,
    PORT,
    TYPE,
    MESSAGE_ID,
    CONTENT_LENGTH,
    CONTENT,
    SUBJECT_LENGTH,
    SUBJECT,
    STATUS
  }

  /** The guard of the connection whose bytes this thread is handing to Atomix, if any. */
  private static final ThreadLocal<FrameGuard> READING = new ThreadLocal<>();

  private final long maxContentBytes;
  private final AtomicLong refused;
  private final AtomicLong cut;
  private final RejectedInputLimit rejections = new RejectedInputLimit();
  private volatile Channel channel;
  private State state = State.HANDSHAKE;
  private boolean request;
  private long skip; // bytes left in the current fixed-length part
  private int varint; // the varint (or short) being read
  private int varintBytes;

  /**
   * {@code refused} counts connections closed for a frame, {@code cut} those closed for too much
   * rejected input ({@link RejectedInputLimit}), across connections.
   */
  FrameGuard(long maxContentBytes, AtomicLong refused, AtomicLong cut) {
    this.maxContentBytes = maxContentBytes;
    this.refused = refused;
    this.cut = cut;
  }

  /**
   * The guard of the connection a message handler is called for: Atomix decodes and calls the
   * handlers (registered to run on the calling thread) within this guard's {@link #channelRead}.
   * Null outside, e.g. for replies on connections this node opened.
   */
  static FrameGuard reading() {
    return READING.get();
  }

  /** The connection this guard reads. */
  Channel channel() {
    return channel;
  }

  /** One message from this connection was rejected; cuts the connection past its budget. */
  void rejected() {
    if (rejections.exceededAfter(System.nanoTime()) && channel.isOpen()) {
      cut.incrementAndGet();
      channel.close();
    }
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    channel = ctx.channel();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (msg instanceof ByteBuf bytes && !follow(bytes)) {
      ReferenceCountUtil.release(msg);
      refused.incrementAndGet();
      ctx.close();
      return;
    }
    READING.set(this);
    try {
      super.channelRead(ctx, msg);
    } finally {
      READING.remove();
    }
  }

  /**
   * Reads along {@code bytes} (not moving its reader index); false if the stream breaks a bound.
   */
  private boolean follow(ByteBuf bytes) {
    if (state == State.HANDSHAKE) {
      // Atomix reads its handshake from one read and drops the rest of it; a shorter read fails
      // there and leaves the handshake pending.
      if (bytes.readableBytes() >= HANDSHAKE_BYTES) {
        state = State.ADDRESS_LENGTH;
      }
      return true;
    }
    int i = bytes.readerIndex();
    int end = bytes.writerIndex();
    while (i < end) {
      if (skip > 0) {
        int n = (int) Math.min(skip, end - i);
        skip -= n;
        i += n;
        if (skip == 0 && !afterSkip()) {
          return false;
        }
        continue;
      }
      if (!step(bytes.getByte(i++))) {
        return false;
      }
    }
    return true;
  }

  /** One header byte. */
  private boolean step(byte b) {
    switch (state) {
      case ADDRESS_LENGTH -> {
        if (b != 4 && b != 16) {
          return false;
        }
        skipThen(b, State.ADDRESS);
      }
      case TYPE -> {
        if (b != REQUEST && b != REPLY) {
          return false;
        }
        request = b == REQUEST;
        startVarint(State.MESSAGE_ID);
      }
      case MESSAGE_ID, CONTENT_LENGTH -> {
        varint |= (b & 0x7F) << (7 * varintBytes);
        varintBytes++;
        if ((b & 0x80) != 0 && varintBytes < 5) {
          return true;
        }
        if (state == State.MESSAGE_ID) {
          startVarint(State.CONTENT_LENGTH);
          return true;
        }
        if (varint < 0 || varint > maxContentBytes) {
          return false;
        }
        if (varint == 0) {
          return afterContent();
        }
        skipThen(varint, State.CONTENT);
      }
      case SUBJECT_LENGTH -> {
        varint = (varint << 8) | (b & 0xFF);
        if (++varintBytes < 2) {
          return true;
        }
        int length = (short) varint;
        if (length < 0 || length > MAX_SUBJECT_BYTES) {
          return false;
        }
        if (length == 0) {
          state = State.TYPE;
        } else {
          skipThen(length, State.SUBJECT);
        }
      }
      case STATUS -> state = State.TYPE;
      default -> throw new IllegalStateException("no header byte in state " + state);
    }
    return true;
  }

  /** The fixed-length part being skipped has ended. */
  private boolean afterSkip() {
    switch (state) {
      case ADDRESS -> skipThen(4, State.PORT);
      case PORT, SUBJECT -> state = State.TYPE;
      case CONTENT -> {
        return afterContent();
      }
      default -> throw new IllegalStateException("nothing to skip in state " + state);
    }
    return true;
  }

  private boolean afterContent() {
    if (request) {
      varint = 0;
      varintBytes = 0;
      state = State.SUBJECT_LENGTH;
    } else {
      state = State.STATUS;
    }
    return true;
  }

  private void skipThen(long bytes, State next) {
    skip = bytes;
    state = next;
  }

  private void startVarint(State next) {
    varint = 0;
    varintBytes = 0;
    state = next;
  }
}
