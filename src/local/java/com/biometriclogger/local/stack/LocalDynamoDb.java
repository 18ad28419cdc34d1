package com.biometriclogger.local.stack;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBRequestHandler;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBServerHandler;

/**
 * DynamoDB Local, in this process: the real query engine, not a mock. Assembled here rather than
 * by its command line ({@code ServerRunner}), which prints a banner on stdout, would configure
 * telemetry, and listens on every interface: this server listens on 127.0.0.1 only.
 */
public final class LocalDynamoDb implements AutoCloseable {

    /** sqlite4java logs through java.util.logging; kept referenced, as JUL holds its loggers weakly. */
    private static final Logger SQLITE = Logger.getLogger("com.almworks.sqlite4java");

    static {
        SQLITE.setLevel(Level.SEVERE);
    }

    private final Server server;
    private final LocalDynamoDBServerHandler handler;
    private final URI endpoint;

    private LocalDynamoDb(Server server, LocalDynamoDBServerHandler handler, URI endpoint) {
        this.server = server;
        this.handler = handler;
        this.endpoint = endpoint;
    }

    /**
     * @param port    0 for any free port
     * @param dataDir null to keep tables in memory only; otherwise one shared database file under it
     */
    public static LocalDynamoDb start(int port, Path dataDir) {
        int chosen = port == 0 ? FreePort.pick() : port;
        Server server = new Server();
        try {
            var handler = new LocalDynamoDBServerHandler(new LocalDynamoDBRequestHandler(0, dataDir == null,
                    dataDir == null ? null : dataDir.toString(), dataDir != null, false), null);
            var connector = new ServerConnector(server);
            connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
            connector.setPort(chosen);
            server.addConnector(connector);
            // The proxy server only contributes its request routing; its own Jetty server is never started.
            server.setHandler(new DynamoDBProxyServer(chosen, handler).setUpHandler(handler));
            server.start();
            return new LocalDynamoDb(server, handler, URI.create("http://127.0.0.1:" + chosen));
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // Already failing to start: the original error is the one worth reporting.
            }
            throw new IllegalStateException("DynamoDB Local could not start on 127.0.0.1:" + chosen + ": " + e.getMessage(), e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            server.stop();
            handler.close();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
        }
    }
}
