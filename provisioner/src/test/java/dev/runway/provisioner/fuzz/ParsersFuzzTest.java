package dev.runway.provisioner.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.common.events.CloudEventHeaders;
import dev.runway.common.events.EventCodec;
import dev.runway.common.events.PoisonEvent;
import dev.runway.common.inventory.InventoryValidator;
import dev.runway.common.json.WireJson;
import dev.runway.common.manifest.ManifestValidator;
import dev.runway.common.regions.RegionCatalogue;
import dev.runway.common.schema.ValidationFailed;
import dev.runway.provisioner.gitlab.HookInterpreter;
import dev.runway.testing.Fuzz;
import dev.runway.testing.Fuzz.Tally;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every parser that reads what someone else wrote, fed mutants of valid documents: a manifest and
 * an inventory end as a located validation error or a value, an event record as a poison event
 * (dead-lettered) or an event, a GitLab hook as an intent. Nothing else may escape: an exception
 * that escapes is a 500 for an API caller and a stuck partition for a consumer.
 */
class ParsersFuzzTest {

  private static final int INPUTS = Fuzz.inputs(300);
  private static final RegionCatalogue REGIONS = RegionCatalogue.cloudRun();

  private static String read(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void aManifestIsAValueOrALocatedRefusal(long seed) {
    ManifestValidator validator = new ManifestValidator(REGIONS);
    String yaml = read("../examples/hello-service/.runway/runway-staging.yml");
    Tally tally =
        Fuzz.check(
            "the manifest validator",
            Fuzz.mutants(yaml, seed, INPUTS),
            text -> validator.validate(text, "runway-staging.yml", Optional.empty()),
            ValidationFailed.class);
    assertThat(tally.refused()).as("mutants that break the manifest").isPositive();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void anInventoryIsAValueOrALocatedRefusal(long seed) {
    InventoryValidator validator = new InventoryValidator(REGIONS);
    Tally tally =
        Fuzz.check(
            "the inventory validator",
            Fuzz.mutants(read("../examples/inventory.json"), seed, INPUTS),
            validator::validate,
            ValidationFailed.class);
    assertThat(tally.refused()).isPositive();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void anEventRecordIsAnEventOrPoison(long seed) throws IOException {
    List<String[]> samples = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("../common/src/test/resources/snapshots"))) {
      for (Path file : files.sorted().toList()) {
        String ceType = file.getFileName().toString().replaceFirst("\\.json$", "");
        samples.add(new String[] {ceType, Files.readString(file)});
      }
    }
    assertThat(samples).hasSizeGreaterThan(20);
    int perType = Math.max(10, INPUTS / samples.size() * 4);
    int accepted = 0;
    for (String[] sample : samples) {
      // the payload mutated under its own ce_type, then the ce_type and ce_time mutated
      accepted +=
          Fuzz.check(
                  "the event codec",
                  Fuzz.mutants(sample[1], seed, perType),
                  value -> decode(sample[0], "2026-12-02T10:00:00Z", value),
                  PoisonEvent.class)
              .accepted();
      Fuzz.check(
          "the event codec",
          Fuzz.mutants(sample[0], seed, perType / 2),
          type -> decode(type, "2026-12-02T10:00:00Z", sample[1]),
          PoisonEvent.class);
      Fuzz.check(
          "the event codec",
          Fuzz.mutants("2026-12-02T10:00:00Z", seed, perType / 2),
          time -> decode(sample[0], time, sample[1]),
          PoisonEvent.class);
    }
    assertThat(accepted).as("mutants that still decode").isPositive();
  }

  private static Object decode(String ceType, String time, String value) {
    RecordHeaders headers = new RecordHeaders();
    CloudEventHeaders.of("id-1", "fuzz", ceType, OffsetDateTime.parse("2026-12-02T10:00:00Z"), "s")
        .forEach(
            (name, text) ->
                headers.add(
                    name,
                    (name.equals(CloudEventHeaders.TIME) ? time : text)
                        .getBytes(StandardCharsets.UTF_8)));
    return EventCodec.decode(headers, value.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void aGitlabHookIsAlwaysAnIntent(long seed) {
    // The resource refuses a body that is not JSON with a 400; whatever JSON is left must give an
    // intent (apply, plan or ignore with a reason), never an exception.
    for (String[] hook :
        List.of(
            new String[] {"Push Hook", read("src/test/resources/gitlab/push.json")},
            new String[] {
              "Merge Request Hook", read("src/test/resources/gitlab/merge_request.json")
            })) {
      Tally tally =
          Fuzz.check(
              "the GitLab hook interpreter",
              Fuzz.mutants(hook[1], seed, INPUTS),
              body -> {
                com.fasterxml.jackson.databind.JsonNode payload;
                try {
                  payload = WireJson.mapper().readTree(body);
                } catch (IOException notJson) {
                  return null; // refused before the interpreter with a 400
                }
                return HookInterpreter.interpret(hook[0], payload);
              });
      assertThat(tally.accepted()).isEqualTo(tally.inputs());
    }
  }
}
