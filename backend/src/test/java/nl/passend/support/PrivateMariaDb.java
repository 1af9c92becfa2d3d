package nl.passend.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB server of a test's own, in a temporary directory on a free port, that the test may stop and start again:
 * the shared server on 3306 is never touched. Needs {@code mariadb-install-db} and {@code mariadbd} (Debian's
 * {@code mariadb-server}, which {@code .ci/run} installs where it is missing).
 */
public final class PrivateMariaDb implements AutoCloseable {

    private final Path directory;
    private final int port;
    private Process server;

    private PrivateMariaDb(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /** Creates the server's data directory and starts it. */
    public static PrivateMariaDb start() throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("passend-mariadb-");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        run(List.of(executable("mariadb-install-db"), "--no-defaults", "--datadir=" + directory.resolve("data"),
                "--user=" + System.getProperty("user.name"), "--auth-root-authentication-method=normal",
                "--skip-test-db"), directory.resolve("install.log"));
        PrivateMariaDb database = new PrivateMariaDb(directory, port);
        database.startAgain();
        return database;
    }

    /** The JDBC URL of a database on this server, created on first use. */
    public String jdbcUrl(String database) {
        return FaultDatabase.url("jdbc:mysql://127.0.0.1:" + port + "/", database);
    }

    /** Starts the server on its data directory and waits until it answers. */
    public void startAgain() throws IOException, InterruptedException {
        server = new ProcessBuilder(executable("mariadbd"), "--no-defaults", "--datadir=" + directory.resolve("data"),
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + directory.resolve("mariadb.sock"),
                "--pid-file=" + directory.resolve("mariadb.pid"), "--user=" + System.getProperty("user.name"),
                "--innodb-buffer-pool-size=64M", "--skip-log-bin")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                        directory.resolve("server.log").toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl("mysql"), "root", "")) {
                return;
            } catch (SQLException notYet) {
                if (!server.isAlive()) {
                    throw new IllegalStateException("MariaDB stopped while starting; see " + directory);
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("MariaDB did not answer on port " + port + " within a minute");
    }

    /** Stops the server as an operator would (SIGTERM, a clean shutdown) and waits until it is gone. */
    public void stop() throws InterruptedException {
        server.destroy();
        if (!server.waitFor(60, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        if (server != null && server.isAlive()) {
            stop();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(log));
        }
    }

    /** Debian puts the server in /usr/sbin, which is not on every user's path. */
    private static String executable(String name) {
        for (String directory : List.of("/usr/sbin", "/usr/bin")) {
            if (Files.isExecutable(Path.of(directory, name))) {
                return directory + "/" + name;
            }
        }
        return name;
    }
}
