// Starts one OpenSearch node in this JVM with the modules we ship on the classpath.
// OpenSearch publishes no server distribution on Maven Central, only its jars and modules, so we
// build the node ourselves: the same Node class the official launcher starts, with the modules
// passed as classpath plugins (what OpenSearch's own test framework does).
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.opensearch.common.settings.Settings;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;

public final class OpenSearchMain {
  static final class EmbeddedNode extends Node {
    EmbeddedNode(Settings settings, Collection<Class<? extends Plugin>> plugins) {
      super(InternalSettingsPreparer.prepareEnvironment(settings, Collections.emptyMap(), null, () -> "syncoxide"), plugins, true);
    }
  }

  /** Usage: OpenSearchMain <home> <httpPort> <transportPort> <pluginClass>... */
  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]).toAbsolutePath();
    Settings settings = Settings.builder()
        .put("cluster.name", "syncoxide")
        .put("node.name", "syncoxide-" + args[1])
        .put("path.home", home.toString())
        .put("path.data", home.resolve("data").toString())
        .put("path.logs", home.resolve("logs").toString())
        .put("network.host", "127.0.0.1")
        .put("http.port", args[1])
        .put("transport.port", args[2])
        .put("discovery.type", "single-node")
        // Developer machines and CI fill their disks; a read-only index there is a confusing failure.
        .put("cluster.routing.allocation.disk.threshold_enabled", false)
        .put("http.cors.enabled", false)
        .build();
    List<Class<? extends Plugin>> plugins = new ArrayList<>();
    for (int i = 3; i < args.length; i++) {
      plugins.add(Class.forName(args[i]).asSubclass(Plugin.class));
    }
    Node node = new EmbeddedNode(settings, plugins);
    CountDownLatch stopped = new CountDownLatch(1);
    // SIGTERM runs the hook: close the node so Lucene commits and the lock is released.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        node.close();
      } catch (Exception e) {
        e.printStackTrace();
      } finally {
        stopped.countDown();
      }
    }, "syncoxide-shutdown"));
    node.start();
    System.out.println("syncoxide: opensearch started on 127.0.0.1:" + args[1]);
    stopped.await();
  }
}
