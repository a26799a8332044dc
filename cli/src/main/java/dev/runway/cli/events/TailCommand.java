package dev.runway.cli.events;

import dev.runway.cli.client.Endpoints;
import dev.runway.common.events.Observers;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Follows every runway.* topic with a plain Kafka consumer in a throw-away group that commits
 * nothing, so tailing never disturbs the services' own consumers.
 */
@Command(
    name = "tail",
    mixinStandardHelpOptions = true,
    description = "Print events as they arrive, one line each, until Ctrl-C.")
public class TailCommand implements Callable<Integer> {

  enum Output {
    text,
    json
  }

  @Option(
      names = "--from-beginning",
      description = "Start from the oldest event kept, not from now.")
  boolean fromBeginning;

  @Option(names = "--service", paramLabel = "S", description = "Only events about this service.")
  String service;

  @Option(
      names = "--type",
      paramLabel = "T",
      split = ",",
      description = "Only events of these types, comma-separated (ServiceRequested, ...).")
  java.util.List<String> type;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      description = "text or json (one object per line).")
  Output output;

  @Option(
      names = "--until",
      paramLabel = "T",
      description = "Exit 0 once an event of this type (matching --service) has been printed.")
  String until;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "With --until: give up after this many seconds and exit 1.")
  Long timeoutSeconds;

  @Override
  public Integer call() {
    Endpoints endpoints = Endpoints.fromEnvironment();
    Instant deadline =
        timeoutSeconds == null ? Instant.MAX : Instant.now().plusSeconds(timeoutSeconds);
    try (KafkaConsumer<String, byte[]> consumer =
        Observers.consumer(endpoints.kafka(), "runwayctl-tail", fromBeginning)) {
      Thread main = Thread.currentThread();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    consumer.wakeup();
                    try {
                      main.join(2000);
                    } catch (InterruptedException ignored) {
                      // exiting anyway
                    }
                  }));
      consumer.subscribe(Pattern.compile("runway\\..*"));
      while (Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          EventLine line = EventLine.of(record);
          if (!matches(line)) {
            continue;
          }
          System.out.println(output == Output.json ? line.json() : line.text());
          System.out.flush();
          if (until != null && until.equals(line.type())) {
            return 0;
          }
        }
      }
      System.err.println("runwayctl: no " + until + " event within " + timeoutSeconds + " s");
      return 1;
    } catch (WakeupException interrupted) {
      return 0;
    }
  }

  private boolean matches(EventLine line) {
    return (service == null || service.equals(line.service()))
        && (type == null || type.contains(line.type()));
  }
}
