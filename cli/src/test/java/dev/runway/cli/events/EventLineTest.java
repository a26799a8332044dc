package dev.runway.cli.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.common.events.CloudEventHeaders;
import dev.runway.common.events.EventCodec;
import dev.runway.common.events.EventEnvelope;
import dev.runway.common.events.ProvisionedResource;
import dev.runway.common.events.ServiceProvisioned;
import dev.runway.common.events.ServiceRequested;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class EventLineTest {

  private static ConsumerRecord<String, byte[]> recordOf(EventEnvelope envelope) {
    ConsumerRecord<String, byte[]> record =
        new ConsumerRecord<>(
            "runway.services", 0, 0, envelope.subject(), EventCodec.encode(envelope.data()));
    CloudEventHeaders.of(envelope)
        .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
    return record;
  }

  @Test
  void shouldShowTypeServiceAndTheFieldsThatMatter() {
    EventEnvelope envelope =
        EventEnvelope.wrap(
            "/runway/provisioner",
            new ServiceRequested(
                "example-service", 46267196, List.of("europe-west1", "us-east1"), List.of()),
            Clock.systemUTC());

    EventLine line = EventLine.of(recordOf(envelope));

    assertThat(line.type()).isEqualTo("ServiceRequested");
    assertThat(line.service()).isEqualTo("example-service");
    assertThat(line.text())
        .contains("ServiceRequested")
        .contains("example-service")
        .contains("regions=[europe-west1, us-east1]")
        .contains("project_id=46267196")
        .doesNotContain("previous_regions");
  }

  @Test
  void shouldCountListsOfResourcesRatherThanPrintThem() {
    ServiceProvisioned provisioned =
        new ServiceProvisioned(
            "s",
            1,
            List.of("us-east1"),
            "sa@p",
            List.of(
                new ProvisionedResource("k", "n", "global"),
                new ProvisionedResource("k", "m", "global")));

    assertThat(EventLine.summarize(provisioned))
        .isEqualTo("project_id=1 regions=[us-east1] service_account=sa@p resources=2");
  }

  @Test
  void shouldShowADeadLetterWithItsReason() {
    ConsumerRecord<String, byte[]> record =
        new ConsumerRecord<>(
            "runway.dead-letter", 0, 0, "svc", "junk".getBytes(StandardCharsets.UTF_8));
    record
        .headers()
        .add(
            "dead-letter-reason",
            "NOT_A_CLOUDEVENT: expected headers".getBytes(StandardCharsets.UTF_8));

    EventLine line = EventLine.of(record);

    assertThat(line.type()).isEqualTo("DeadLetter");
    assertThat(line.text()).contains("svc").contains("reason=NOT_A_CLOUDEVENT");
    assertThat(line.json()).contains("\"type\":\"DeadLetter\"");
  }
}
