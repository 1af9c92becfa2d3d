package nl.passend.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The application as operators run it: the packaged jar ({@code passend.jar}, built by {@code package} before the
 * fault tests run) started in a JVM of its own on a MySQL-protocol database, with the demo set, so that a test can
 * kill it with SIGKILL ({@code kill -9}) and start it again. Its output goes to {@code target/instances/}.
 */
public final class Instance implements AutoCloseable {

    private static final AtomicInteger STARTED = new AtomicInteger();
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Process process;
    private final String name;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Instance(Process process, String name, int port, Path log) {
        this.process = process;
        this.name = name;
        this.port = port;
        this.log = log;
    }

    /** An answer: status, content type and body. */
    public record Response(int status, String contentType, String body, Duration took) {
    }

    /**
     * Starts an instance on the database at this JDBC URL (created with the demo set if it is empty), with these
     * further arguments ({@code --name=value}), and waits until it answers its health check.
     */
    public static Instance start(String jdbcUrl, String... arguments) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("passend.jar", "target/passend.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the fault tests run after 'package' (mvn verify)");
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String name = "instance-" + STARTED.incrementAndGet();
        Path log = Path.of("target", "instances", name + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m", "-jar", jar.toString(),
                "--server.port=" + port,
                "--spring.profiles.active=mysql",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=root",
                "--spring.datasource.password=",
                "--spring.liquibase.contexts=demo",
                "--passend.security.demo-users-allowed=true",
                // Instances on one host would all be named after it; the jobs' picked_by tells them apart.
                "--db-scheduler.scheduler-name=" + name));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instance instance = new Instance(process, name, port, log);
        instance.awaitHealthy();
        return instance;
    }

    private void awaitHealthy() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The instance stopped while starting:\n" + logTail());
            }
            try {
                if (get("/actuator/health", null, null).status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The instance did not become healthy in " + START_TIMEOUT + ":\n" + logTail());
    }

    /** Its name in db-scheduler's table ({@code picked_by}). */
    public String name() {
        return name;
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook, no graceful stop, the JVM is gone at once. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Response get(String path, String username, String password) throws IOException, InterruptedException {
        return send(request(path, username, password).GET());
    }

    public Response post(String path, String username, String password, String json)
            throws IOException, InterruptedException {
        return send(request(path, username, password).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path, String username, String password) throws IOException, InterruptedException {
        return send(request(path, username, password).DELETE());
    }

    private HttpRequest.Builder request(String path, String username, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json, application/problem+json");
        if (username != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** The last lines of the instance's output, for a failure message. */
    public String logTail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** Stops the instance as an operator would (SIGTERM, a graceful shutdown), or kills it after 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
