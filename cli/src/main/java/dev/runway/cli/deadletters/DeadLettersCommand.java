package dev.runway.cli.deadletters;

import dev.runway.cli.client.Endpoints;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.RecordMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code runwayctl dead-letters list | replay <id>}. */
@Command(
    name = "dead-letters",
    mixinStandardHelpOptions = true,
    description =
        "Inspect the records consumers gave up on (runway.dead-letter) and drive one again after a"
            + " fix.",
    subcommands = {DeadLettersCommand.ListCommand.class, DeadLettersCommand.Replay.class})
public class DeadLettersCommand {

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Every dead letter kept: its id, when, where from, what and why.")
  static class ListCommand implements Callable<Integer> {
    @Override
    public Integer call() {
      List<DeadLetter> letters = new DeadLetterTopic(Endpoints.fromEnvironment().kafka()).list();
      if (letters.isEmpty()) {
        System.out.println("No dead letters.");
        return 0;
      }
      System.out.printf("%-8s %-24s %-26s %-24s %s%n", "ID", "AT", "FROM", "TYPE", "REASON");
      for (DeadLetter letter : letters) {
        System.out.printf(
            "%-8s %-24s %-26s %-24s %s%n",
            letter.id(),
            letter.at(),
            letter.topic() + "@" + letter.origin(),
            letter.type().isEmpty() ? "(no ce_type)" : letter.type(),
            letter.reason());
      }
      return 0;
    }
  }

  @Command(
      name = "replay",
      mixinStandardHelpOptions = true,
      description =
          "Publish a dead letter again, as it was, to the topic it came from; its consumers handle"
              + " it once more (those that handled it after all skip it by its ce_id).")
  static class Replay implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "The dead letter's id, as list shows it (0:12).")
    String id;

    @Override
    public Integer call() throws InterruptedException {
      if (!id.matches("\\d+:\\d+")) {
        System.err.println(
            "runwayctl: a dead letter's id is <partition>:<offset>, e.g. 0:12, as 'runwayctl"
                + " dead-letters list' shows it; got '"
                + id
                + "'");
        return 2;
      }
      java.util.Optional<RecordMetadata> replayed =
          new DeadLetterTopic(Endpoints.fromEnvironment().kafka()).replay(id);
      if (replayed.isEmpty()) {
        System.err.println(
            "runwayctl: no dead letter "
                + id
                + " that names the topic it came from; see 'runwayctl dead-letters list'");
        return 1;
      }
      System.out.println(
          "Replayed dead letter "
              + id
              + " to "
              + replayed.get().topic()
              + " (partition "
              + replayed.get().partition()
              + ", offset "
              + replayed.get().offset()
              + ")");
      return 0;
    }
  }
}
