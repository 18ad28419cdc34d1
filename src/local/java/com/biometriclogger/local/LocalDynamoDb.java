package com.biometriclogger.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/** DynamoDB Local, in this process, on loopback: the real query engine, not a mock. */
public final class LocalDynamoDb implements AutoCloseable {

    private final DynamoDBProxyServer server;
    private final URI endpoint;

    private LocalDynamoDb(DynamoDBProxyServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    /**
     * @param port    0 for any free port
     * @param dataDir null to keep tables in memory only
     */
    public static LocalDynamoDb start(int port, Path dataDir) {
        int chosen = port == 0 ? FreePort.pick() : port;
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(chosen), "-disableTelemetry"));
        if (dataDir == null) {
            args.add("-inMemory");
        } else {
            args.addAll(List.of("-dbPath", dataDir.toString(), "-sharedDb"));
        }
        try {
            var server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            server.start();
            return new LocalDynamoDb(server, URI.create("http://127.0.0.1:" + chosen));
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local could not start on port " + chosen + ": " + e.getMessage(), e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
        }
    }
}
