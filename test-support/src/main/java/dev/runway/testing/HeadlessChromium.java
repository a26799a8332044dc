package dev.runway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's Chromium, headless, driven over the Chrome DevTools Protocol: it loads a page as a
 * user's browser would (scripts, server-sent events) and answers JavaScript expressions evaluated
 * in it.
 */
public final class HeadlessChromium implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  private HeadlessChromium(Process process, Path profile, WebSocket socket) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
  }

  /** Starts Chromium on {@code url}. */
  public static HeadlessChromium open(String url) throws IOException, InterruptedException {
    Path chromium = DebianTools.chromium();
    Path profile = Files.createTempDirectory("runway-chromium");
    // The flags the machine's notes give: without the background-networking ones Chromium keeps
    // trying to reach Google through a closed network.
    Process process =
        new ProcessBuilder(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--remote-debugging-port=0",
                "--remote-allow-origins=*",
                "--window-size=1500,1200",
                "--user-data-dir=" + profile,
                url)
            .redirectErrorStream(true)
            .redirectOutput(profile.resolve("chromium.log").toFile())
            .start();
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IOException(
            "Chromium did not open its DevTools port:\n"
                + Files.readString(profile.resolve("chromium.log")));
      }
      Thread.sleep(100);
    }
    int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
    HttpClient http = HttpClient.newHttpClient();
    String pageSocket = null;
    while (pageSocket == null) {
      JsonNode targets =
          JSON.readTree(
              http.send(
                      HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body());
      for (JsonNode target : targets) {
        if ("page".equals(target.path("type").asText())) {
          pageSocket = target.path("webSocketDebuggerUrl").asText();
        }
      }
      if (pageSocket == null) {
        Thread.sleep(100);
      }
    }
    Listener listener = new Listener();
    WebSocket socket =
        http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), listener).join();
    HeadlessChromium browser = new HeadlessChromium(process, profile, socket);
    listener.browser = browser;
    return browser;
  }

  /** Evaluates a JavaScript expression in the page and answers its value as JSON. */
  public JsonNode evaluate(String expression) {
    JsonNode result =
        send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException("page threw: " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** Saves what the page shows now as a PNG, for a person to look at. */
  public void screenshot(Path file) throws IOException {
    JsonNode result = send("Page.captureScreenshot", Map.of("format", "png"));
    Files.write(file, java.util.Base64.getDecoder().decode(result.path("data").asText()));
  }

  /** Sends one DevTools Protocol command and answers its result. */
  public JsonNode send(String method, Map<String, Object> params) {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    Map<String, Object> command = Map.of("id", id, "method", method, "params", params);
    try {
      socket.sendText(JSON.writeValueAsString(command), true).join();
      return answer.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not send " + method, e);
    } finally {
      pending.remove(id);
    }
  }

  private void receive(String message) {
    try {
      JsonNode node = JSON.readTree(message);
      if (node.has("id")) {
        CompletableFuture<JsonNode> answer = pending.get(node.get("id").asInt());
        if (answer != null) {
          answer.complete(node.path("result"));
        }
      }
    } catch (IOException e) {
      // not a protocol message; ignore
    }
  }

  private static final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();
    private volatile HeadlessChromium browser;

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String message = partial.toString();
        partial.setLength(0);
        if (browser != null) {
          browser.receive(message);
        }
      }
      webSocket.request(1);
      return null;
    }
  }

  @Override
  public void close() throws IOException {
    socket.abort();
    // Its renderer, zygote and crash handler are processes of their own that write into the
    // profile too; stop them with it, or they race the profile's deletion below.
    List<ProcessHandle> family = new java.util.ArrayList<>(process.descendants().toList());
    process.destroy();
    family.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      for (ProcessHandle child : family) {
        child.onExit().get(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      family.forEach(ProcessHandle::destroyForcibly);
    }
    deleteProfile();
  }

  /** A temp dir; a file that vanishes while it is walked (a late write's temp file) is fine. */
  private void deleteProfile() {
    for (int attempt = 0; attempt < 5 && Files.exists(profile); attempt++) {
      try (var files = Files.walk(profile)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException | java.io.UncheckedIOException vanished) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
