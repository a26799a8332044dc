package dev.runway.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitLab's repository files API on a loopback port, as GitLab answers it: {@code GET
 * /api/v4/projects/:id/repository/files/:file_path/raw?ref=…} with the file path URL-encoded as one
 * segment, {@code PRIVATE-TOKEN} checked (401 otherwise), 404 {@code File Not Found} for a file not
 * at that ref. Tests can make it answer 503 for a while or hold every answer until released.
 */
public final class FakeGitlab implements AutoCloseable {

  private static final Pattern RAW =
      Pattern.compile("^/api/v4/projects/(\\d+)/repository/files/([^/]+)/raw$");

  /** A request the fake answered. */
  public record Request(long project, String file, String ref, int status) {}

  private final HttpServer server;
  private final String token;
  private final Map<String, String> files = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger unavailable = new AtomicInteger();
  private volatile CountDownLatch held = new CountDownLatch(0);

  private FakeGitlab(String token) throws IOException {
    this.token = token;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::answer);
    server.start();
  }

  public static FakeGitlab start(String token) {
    try {
      return new FakeGitlab(token);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Puts {@code content} at {@code file} in the project at {@code ref} (a commit or branch). */
  public void put(long project, String file, String ref, String content) {
    files.put(key(project, file, ref), content);
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The next {@code times} requests are answered 503, as GitLab does while it is unavailable. */
  public void unavailableFor(int times) {
    unavailable.set(times);
  }

  /** Holds every answer until {@link #release()}. */
  public void hold() {
    held = new CountDownLatch(1);
  }

  public void release() {
    held.countDown();
  }

  @Override
  public void close() {
    release();
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      held.await(30, TimeUnit.SECONDS);
      Matcher raw = RAW.matcher(exchange.getRequestURI().getRawPath());
      if (!"GET".equals(exchange.getRequestMethod()) || !raw.matches()) {
        send(exchange, 404, "{\"error\":\"404 Not Found\"}");
        return;
      }
      long project = Long.parseLong(raw.group(1));
      String file = URLDecoder.decode(raw.group(2), StandardCharsets.UTF_8);
      String ref = query(exchange, "ref");
      int status;
      String body;
      if (unavailable.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        status = 503;
        body = "{\"message\":\"503 Service Unavailable\"}";
      } else if (!token.equals(exchange.getRequestHeaders().getFirst("PRIVATE-TOKEN"))) {
        status = 401;
        body = "{\"message\":\"401 Unauthorized\"}";
      } else if (ref == null || !files.containsKey(key(project, file, ref))) {
        status = 404;
        body = "{\"message\":\"404 File Not Found\"}";
      } else {
        status = 200;
        body = files.get(key(project, file, ref));
      }
      requests.add(new Request(project, file, ref, status));
      send(exchange, status, body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String query(HttpExchange exchange, String name) {
    String query = exchange.getRequestURI().getRawQuery();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv[0].equals(name) && kv.length == 2) {
        return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange
        .getResponseHeaders()
        .set("Content-Type", status == 200 ? "text/plain; charset=utf-8" : "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static String key(long project, String file, String ref) {
    return project + "\n" + file + "\n" + ref;
  }
}
