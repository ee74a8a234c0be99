import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.event.DatabaseEventContext;
import org.neo4j.graphdb.event.DatabaseEventListenerAdapter;
import org.neo4j.internal.kernel.api.procs.ProcedureSignature;
import org.neo4j.internal.kernel.api.procs.QualifiedName;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.api.QueryLanguage;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Runs Neo4j Community in-process with only the Bolt connector, for machines without a Neo4j server.
 *
 * <p>Arguments: home directory, Bolt port (0 picks a free one), page cache size in MiB, memory of all
 * transactions together in MiB, memory of one transaction in MiB, the procedures that may run (comma-separated
 * names; every other one, built-in or not, is removed before Bolt is announced). Prints one line
 * {@code ENTENTE_READY <port>} once Bolt accepts connections, or {@code ENTENTE_STORE_LOCKED} and exits 3
 * when another process holds the store. Stops cleanly on SIGTERM/SIGINT and when standard input closes, so
 * the JVM never outlives the Node process that started it. Exits 70 when the database panics (it then
 * refuses all work until restarted), so that the supervisor starts it again.
 */
public final class EmbeddedNeo4j {
  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]).toAbsolutePath();
    int boltPort = Integer.parseInt(args[1]);
    long pageCacheMib = Long.parseLong(args[2]);
    long transactionsTotalMib = Long.parseLong(args[3]);
    long transactionMib = Long.parseLong(args[4]);
    List<String> allowedProcedures = List.of(args[5].split(","));

    DatabaseManagementService dbms;
    try {
      dbms =
          new DatabaseManagementServiceBuilder(home)
              .setConfig(BoltConnector.enabled, true)
              .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
              .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
              .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMib))
              // Defensive defaults: no file URLs for LOAD CSV, only the procedures the API and its console
              // use (the setting covers plugins; built-ins are removed below), and every transaction bounded
              // in time and memory.
              .setConfig(GraphDatabaseSettings.allow_file_urls, false)
              .setConfig(GraphDatabaseSettings.procedure_allowlist, allowedProcedures)
              .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(120))
              .setConfig(GraphDatabaseSettings.memory_transaction_max_size, ByteUnit.mebiBytes(transactionMib))
              .setConfig(
                  GraphDatabaseSettings.memory_transaction_global_max_size,
                  ByteUnit.mebiBytes(transactionsTotalMib))
              .build();
    } catch (RuntimeException e) {
      if (causedByStoreLock(e)) {
        System.out.println("ENTENTE_STORE_LOCKED");
        System.exit(3);
      }
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));
    dbms.registerDatabaseEventListener(
        new DatabaseEventListenerAdapter() {
          @Override
          public void databasePanic(DatabaseEventContext event) {
            System.out.println("ENTENTE_PANIC " + event.getDatabaseName());
            System.out.flush();
            // halt, not exit: the shutdown hook would wait on the database that just failed.
            Runtime.getRuntime().halt(70);
          }
        });

    var db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    // The query collector starts with the database and keeps other users' statements word for word.
    // (A procedure runs as its rows are read: each result is read to the end.)
    db.executeTransactionally("CALL db.stats.stop('QUERIES')", Map.of(), result -> result.stream().count());
    db.executeTransactionally("CALL db.stats.clear('QUERIES')", Map.of(), result -> result.stream().count());
    removeProceduresOtherThan(db, allowedProcedures);
    var ports = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class);
    System.out.println("ENTENTE_READY " + ports.getLocalAddress(ConnectorType.BOLT).getPort());
    System.out.flush();

    waitForStdinToClose();
    System.exit(0);
  }

  /**
   * Neo4j's procedure_allowlist setting applies to plugins only: built-in procedures such as
   * dbms.listConfig or db.prepareForReplanning stay callable over Bolt. They are unregistered here, so
   * that whatever reaches the database, the console's plan check included, finds only the allowed ones.
   */
  private static void removeProceduresOtherThan(GraphDatabaseAPI db, List<String> allowed) {
    var procedures = db.getDependencyResolver().resolveDependency(GlobalProcedures.class);
    Set<QualifiedName> names = new HashSet<>();
    for (QueryLanguage language : QueryLanguage.values()) {
      procedures.getCurrentView().getAllProcedures(language).map(ProcedureSignature::name).forEach(names::add);
    }
    for (QualifiedName name : names) {
      if (!allowed.contains(name.toString())) {
        procedures.unregister(name);
      }
    }
  }

  private static boolean causedByStoreLock(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t.getClass().getSimpleName().equals("FileLockException")) {
        return true;
      }
    }
    return false;
  }

  private static void waitForStdinToClose() {
    try {
      while (System.in.read() != -1) {
        // Input is ignored: end of stream means the parent process is gone.
      }
    } catch (IOException ignored) {
      // A broken pipe also means the parent is gone.
    }
  }
}
