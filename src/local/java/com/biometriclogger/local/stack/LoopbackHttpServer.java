package com.biometriclogger.local.stack;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/** The JDK's HttpServer on 127.0.0.1, answering on daemon threads: the base of every local HTTP stand-in. */
public final class LoopbackHttpServer {

    static {
        // The JDK's HttpServer leaves Nagle's algorithm on unless told: each answer would then wait
        // about 40 ms for a delayed ACK, a latency no real service has.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private LoopbackHttpServer() {
    }

    /**
     * @param port 0 for any free port
     * @throws UncheckedIOException naming the port when it cannot be bound
     */
    public static HttpServer start(int port, String path, String threadName, HttpHandler handler) {
        try {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            server.createContext(path, handler);
            server.setExecutor(Executors.newCachedThreadPool(runnable -> {
                var thread = new Thread(runnable, threadName);
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(threadName + " could not listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }
}
