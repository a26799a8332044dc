package dev.runway.cli.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.Uuid;

/** A single-node KRaft broker under the platform's state directory, formatted once. */
final class KafkaNode {

  private final PlatformLayout layout;

  KafkaNode(PlatformLayout layout) {
    this.layout = layout;
  }

  Path dir() {
    return layout.home().resolve("kafka");
  }

  /** Writes its configuration and formats its storage the first time; returns its command. */
  List<String> prepare(ProcessLauncher launcher) throws IOException, PlatformFailure {
    Path data = dir().resolve("data");
    Files.createDirectories(data);
    Path config = dir().resolve("server.properties");
    Files.writeString(config, properties(data));
    if (!Files.exists(data.resolve("meta.properties"))) {
      launcher.runToEnd(
          "kafka-format",
          List.of(
              ProcessLauncher.java(),
              "-cp",
              layout.infrastructureClasspath(),
              "kafka.tools.StorageTool",
              "format",
              "--cluster-id=" + Uuid.randomUuid(),
              "--config",
              config.toString()));
    }
    // C1 only and the serial collector: a broker at this machine's load never needs C2, whose
    // compile threads took about a third of its start-up CPU from the services (ADR 10).
    return List.of(
        ProcessLauncher.java(),
        "-Xmx512m",
        "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC",
        "-cp",
        layout.infrastructureClasspath(),
        "kafka.Kafka",
        config.toString());
  }

  private String properties(Path data) {
    int port = layout.kafkaPort();
    int controller = layout.kafkaControllerPort();
    return String.join(
        "\n",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@127.0.0.1:" + controller,
        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
        "controller.listener.names=CONTROLLER",
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "inter.broker.listener.name=PLAINTEXT",
        "log.dirs=" + data,
        "num.partitions=3",
        "offsets.topic.replication.factor=1",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "min.insync.replicas=1",
        "default.replication.factor=1",
        "group.initial.rebalance.delay.ms=0",
        "auto.create.topics.enable=true",
        "");
  }
}
