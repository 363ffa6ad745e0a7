// Starts Neo4j Community embedded in this JVM with a Bolt connector on loopback.
// The Neo4j server distribution is not on Maven Central, but the database and its Bolt server
// are: DatabaseManagementServiceBuilder with the Bolt connector enabled serves the same protocol
// the drivers speak, with the same storage engine and Cypher runtime.
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

public final class Neo4jMain {
  /** Usage: Neo4jMain <home> <boltPort> [pageCacheMiB] */
  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    long pageCache = args.length > 2 ? Long.parseLong(args[2]) : 256;
    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
        // Loopback only and no password in the default config; production uses a real server.
        .setConfig(GraphDatabaseSettings.auth_enabled, false)
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCache))
        // Keep transaction logs small: this is a development database.
        .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
        .build();
    CountDownLatch stopped = new CountDownLatch(1);
    // SIGTERM runs the hook: a clean shutdown checkpoints the store so the next start needs no recovery.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        dbms.shutdown();
      } finally {
        stopped.countDown();
      }
    }, "syncoxide-shutdown"));
    dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME); // fails fast if the default database did not start
    System.out.println("syncoxide: neo4j started, bolt on 127.0.0.1:" + port);
    stopped.await();
  }
}
