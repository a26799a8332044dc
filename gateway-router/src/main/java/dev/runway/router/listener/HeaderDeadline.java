package dev.runway.router.listener;

import static java.nio.charset.StandardCharsets.US_ASCII;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AttributeKey;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Envoy's {@code request_headers_timeout} on one client connection: a request head must arrive
 * whole within the limit of its first byte, or the client gets 408 and the connection is closed.
 *
 * <p>Vert.x has no such limit: its read-idle timeout starts again on every byte, so a client that
 * trickles a byte every few seconds holds a connection for ever. So the connection's Netty pipeline
 * is watched from both ends of Vert.x's HTTP/1.x codec. Raw bytes arriving while no request is
 * being read start the clock ({@link Bytes}, first in the pipeline from the accept on); a decoded
 * head stops it; the request's last content makes the connection wait for the next head ({@link
 * Messages}, after the codec). An idle keep-alive connection has no clock (the idle timeout is its
 * limit), nor has a body that arrives slowly (the backend timeout is).
 *
 * <p>Vert.x builds the codec only when the first bytes have shown the connection is not HTTP/2 (h2c
 * prior knowledge), and hands over the connection only once the first head is decoded; so {@link
 * Messages} joins at the first request ({@link #headReceived}), which stands in for the first head
 * it could not see. An HTTP/2 connection drops the watch at its first request.
 *
 * <p>All state is touched on the connection's event loop only.
 */
final class HeaderDeadline {

  /** Vert.x's names in the pipeline (HttpServerWorker). */
  static final String DECODER = "httpDecoder";

  static final String ENCODER = "httpEncoder";

  static final String VERTX = "handler";

  private static final AttributeKey<HeaderDeadline> KEY =
      AttributeKey.valueOf(HeaderDeadline.class.getName());

  private static final byte[] TIMEOUT =
      "HTTP/1.1 408 Request Timeout\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
          .getBytes(US_ASCII);

  private final long limitMillis;
  private final Runnable onExpiry;
  private final Bytes bytes = new Bytes();
  private Messages messages;
  private ScheduledFuture<?> clock;
  private boolean readingBody;
  private int unanswered;

  private HeaderDeadline(long limitMillis, Runnable onExpiry) {
    this.limitMillis = limitMillis;
    this.onExpiry = onExpiry;
  }

  /** Watches a connection from its accept, before its first byte is read. */
  static void watch(Channel channel, Duration limit, Runnable onExpiry) {
    HeaderDeadline deadline = new HeaderDeadline(limit.toMillis(), onExpiry);
    channel.attr(KEY).set(deadline);
    channel.pipeline().addFirst("runway-head-bytes", deadline.bytes);
  }

  /**
   * A request head has been decoded and handed to the server's request handler: on a connection's
   * first request, the deadline's view of the codec's output starts here.
   */
  static void headReceived(Channel channel) {
    HeaderDeadline deadline = channel.attr(KEY).get();
    if (deadline == null || deadline.messages != null) {
      return;
    }
    ChannelPipeline pipeline = channel.pipeline();
    if (pipeline.get(DECODER) == null || pipeline.get(ENCODER) == null) {
      // HTTP/2, from the start or upgraded from this request (h2c): streams, not heads
      deadline.abandon(pipeline);
      return;
    }
    deadline.stop();
    deadline.readingBody = true;
    deadline.unanswered = 1;
    deadline.messages = deadline.new Messages();
    pipeline.addAfter(ENCODER, "runway-head-messages", deadline.messages);
  }

  private void stop() {
    if (clock != null) {
      clock.cancel(false);
      clock = null;
    }
  }

  private void abandon(ChannelPipeline pipeline) {
    stop();
    if (pipeline.context(bytes) != null) {
      pipeline.remove(bytes);
    }
  }

  private void expire(ChannelHandlerContext raw) {
    clock = null;
    ChannelPipeline pipeline = raw.pipeline();
    if (pipeline.get(DECODER) == null && pipeline.get(VERTX) != null) {
      abandon(pipeline); // HTTP/2, or upgraded (WebSocket): no request heads on it any more
      return;
    }
    onExpiry.run();
    if (unanswered == 0 && pipeline.get(DECODER) != null) {
      // An HTTP/1.x connection with nothing of an answer on the wire: a whole 408 cannot
      // interleave with one.
      raw.writeAndFlush(Unpooled.wrappedBuffer(TIMEOUT)).addListener(ChannelFutureListener.CLOSE);
    } else {
      raw.close();
    }
  }

  /** First in the pipeline: sees the client's raw bytes, and starts the clock on a head's first. */
  private final class Bytes extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (clock == null && !readingBody && msg instanceof ByteBuf read && read.isReadable()) {
        clock = ctx.executor().schedule(() -> expire(ctx), limitMillis, TimeUnit.MILLISECONDS);
      }
      ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      stop();
      ctx.fireChannelInactive();
    }
  }

  /**
   * After the codec: sees decoded requests coming in (a head stops the clock) and answers going out
   * (so an expiry knows whether one is on the wire).
   */
  private final class Messages extends ChannelDuplexHandler {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof HttpRequest) {
        stop();
        readingBody = true;
        unanswered++;
      }
      if (msg instanceof LastHttpContent) {
        readingBody = false;
      }
      ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      if (msg instanceof LastHttpContent && unanswered > 0) {
        unanswered--;
      }
      ctx.write(msg, promise);
    }
  }
}
