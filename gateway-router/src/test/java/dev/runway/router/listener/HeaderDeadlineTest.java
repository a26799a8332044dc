package dev.runway.router.listener;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The header deadline on a Netty pipeline laid out as Vert.x lays out an HTTP/1.x one. */
class HeaderDeadlineTest {

  private static final String TIMEOUT_408 =
      "HTTP/1.1 408 Request Timeout\r\ncontent-length: 0\r\nconnection: close\r\n\r\n";

  private final AtomicInteger expiries = new AtomicInteger();
  private final AtomicInteger heads = new AtomicInteger();
  private EmbeddedChannel channel;

  @BeforeEach
  void connect() {
    channel = new EmbeddedChannel();
    channel.freezeTime();
    HeaderDeadline.watch(channel, Duration.ofSeconds(10), expiries::incrementAndGet);
    channel.pipeline().addLast(HeaderDeadline.DECODER, new HttpRequestDecoder());
    channel.pipeline().addLast(HeaderDeadline.ENCODER, new HttpResponseEncoder());
    channel.pipeline().addLast(HeaderDeadline.VERTX, new RequestHandler());
  }

  /** Vert.x's end of the pipeline, reporting each head as its request handler does. */
  private final class RequestHandler extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof HttpRequest) {
        heads.incrementAndGet();
        HeaderDeadline.headReceived(ctx.channel());
      }
      ReferenceCountUtil.release(msg);
    }
  }

  private void send(String bytes) {
    channel.writeInbound(Unpooled.copiedBuffer(bytes, US_ASCII));
  }

  private void after(int seconds) {
    channel.advanceTimeBy(seconds, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
  }

  private String written() {
    StringBuilder out = new StringBuilder();
    for (ByteBuf chunk; (chunk = channel.readOutbound()) != null; ) {
      out.append(chunk.toString(US_ASCII));
      chunk.release();
    }
    return out.toString();
  }

  private void answer() {
    channel.writeOutbound(
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT));
    assertThat(written()).startsWith("HTTP/1.1 204");
  }

  @Test
  void shouldAnswer408AndCloseWhenAHeadTricklesPastTheLimit() {
    send("GET / HTTP/1.1\r\n");
    after(6);
    send("Host: x\r\n");
    after(5);

    assertThat(written()).isEqualTo(TIMEOUT_408);
    assertThat(channel.isOpen()).isFalse();
    assertThat(expiries).hasValue(1);
  }

  @Test
  void shouldLetAWholeHeadThroughAndStopTheClock() {
    send("GET / HTTP/1.1\r\nHo");
    after(9);
    send("st: x\r\n\r\n");
    after(30);

    assertThat(heads).hasValue(1);
    assertThat(channel.isOpen()).isTrue();
    assertThat(expiries).hasValue(0);
  }

  @Test
  void shouldNotStartTheClockOnAnIdleKeepAliveConnection() {
    send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    answer();
    after(60); // idle between requests is the idle timeout's business
    send("GET /next HTTP/1.1\r\nHost: x\r\n\r\n");

    assertThat(heads).hasValue(2);
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void shouldStartTheClockAgainForTheNextHeadOnAKeptConnection() {
    send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    answer();
    send("GET /next HTTP/1.1\r\n");
    after(11);

    assertThat(written()).isEqualTo(TIMEOUT_408);
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void shouldNotCutABodyThatArrivesSlowly() {
    send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\na");
    after(11);
    send("b");
    after(11);
    send("cd");

    assertThat(channel.isOpen()).isTrue();
    assertThat(expiries).hasValue(0);
  }

  @Test
  void shouldCloseWithoutA408WhileAnAnswerIsOnTheWire() {
    // a pipelined head trickling in behind a request still being answered: a 408 written now
    // would land in the middle of that answer
    send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    send("GET /next HTTP/1.1\r\n");
    after(11);

    assertThat(written()).isEmpty();
    assertThat(channel.isOpen()).isFalse();
    assertThat(expiries).hasValue(1);
  }

  @Test
  void shouldLeaveAnUpgradedConnectionsBytesAlone() {
    send("GET /ws HTTP/1.1\r\nHost: x\r\n\r\n");
    channel.pipeline().remove(HeaderDeadline.DECODER); // as an upgrade to WebSocket or h2c does
    send("frame bytes");
    after(11);

    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void shouldCloseAConnectionThatTricklesBytesBeforeItsProtocolIsKnown() {
    // Vert.x builds the HTTP/1.x codec only once the first bytes are shown not to open HTTP/2;
    // "PRI * HTT", a byte at a time, keeps it guessing
    EmbeddedChannel undecided = new EmbeddedChannel();
    undecided.freezeTime();
    HeaderDeadline.watch(undecided, Duration.ofSeconds(10), expiries::incrementAndGet);
    undecided.writeInbound(Unpooled.copiedBuffer("PRI * HTT", US_ASCII));
    undecided.advanceTimeBy(11, TimeUnit.SECONDS);
    undecided.runScheduledPendingTasks();

    assertThat(undecided.isOpen()).isFalse();
    assertThat(expiries).hasValue(1);
  }

  @Test
  void shouldLeaveAnHttp2ConnectionAloneFromItsFirstRequest() {
    EmbeddedChannel h2 = new EmbeddedChannel();
    h2.freezeTime();
    HeaderDeadline.watch(h2, Duration.ofSeconds(10), expiries::incrementAndGet);
    h2.writeInbound(Unpooled.copiedBuffer("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", US_ASCII));
    h2.pipeline().addLast(HeaderDeadline.VERTX, new ChannelInboundHandlerAdapter());
    HeaderDeadline.headReceived(h2);
    h2.advanceTimeBy(60, TimeUnit.SECONDS);
    h2.runScheduledPendingTasks();

    assertThat(h2.isOpen()).isTrue();
    assertThat(h2.pipeline().get("runway-head-bytes")).isNull();
    assertThat(expiries).hasValue(0);
  }
}
