package dev.runway.reconciler.runtime;

import dev.runway.common.process.LocalProcessRecord;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ports for revisions this runtime starts. The kernel hands out a free ephemeral port, but it stays
 * free only until someone binds it; regions deploy in parallel, so two starts could be handed the
 * same port before either process binds it. A port handed out is held here until its process is
 * ready (or failed), and never handed out twice meanwhile. Others on the machine can still race us;
 * {@link LocalRuntime} starts a process again when it lost its port that way.
 */
final class FreePorts {

  private final Set<Integer> handedOut = ConcurrentHashMap.newKeySet();

  int take() throws IOException {
    while (true) {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      if (handedOut.add(port)) {
        return port;
      }
    }
  }

  /** The record's process has bound its ports, or will never. */
  void release(LocalProcessRecord record) {
    handedOut.remove(record.port());
    if (record.processPort() != null) {
      handedOut.remove(record.processPort());
    }
  }
}
