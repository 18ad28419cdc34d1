package com.biometriclogger.local.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.biometriclogger.local.facebackend.FixedFaceBackend;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The local stand-ins answer 127.0.0.1 only. Linux routes all of 127.0.0.0/8 to the loopback
 * interface, so a server bound to every interface (the wildcard address) also answers 127.0.0.2,
 * while one bound to 127.0.0.1 refuses it: a probe that needs no network besides loopback.
 */
class LoopbackOnlyIT {

    private static final InetAddress OTHER_LOOPBACK_ADDRESS = address("127.0.0.2");

    @Test
    void everyLocalServerListensOn127001Only() throws Exception {
        try (var stack = LocalStack.start(new FixedFaceBackend());
             var proxy = FaultyHttpProxy.start(stack.dynamoDbEndpoint())) {
            List<URI> endpoints = List.of(stack.s3Endpoint(), stack.dynamoDbEndpoint(), stack.rekognition().endpoint(),
                    stack.kms().endpoint(), stack.sns().endpoint(), proxy.endpoint());
            for (URI endpoint : endpoints) {
                assertEquals("127.0.0.1", endpoint.getHost());
                connect(InetAddress.getLoopbackAddress(), endpoint.getPort());
                assertThrows(ConnectException.class, () -> connect(OTHER_LOOPBACK_ADDRESS, endpoint.getPort()),
                        endpoint + " answers 127.0.0.2, so it listens on more than 127.0.0.1");
            }
        }
    }

    /** Without this, a machine where 127.0.0.2 reaches nothing would pass the test above whatever the servers bind. */
    @Test
    void aServerOnEveryInterfaceAnswers127002() throws IOException {
        try (var wildcard = new ServerSocket(0); var client = new Socket()) {
            client.connect(new InetSocketAddress(OTHER_LOOPBACK_ADDRESS, wildcard.getLocalPort()), 2_000);
            try (var accepted = wildcard.accept()) {
                assertEquals(OTHER_LOOPBACK_ADDRESS, accepted.getLocalAddress(), "the wildcard server answered 127.0.0.2");
            }
        }
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new IllegalStateException(literal, e);
        }
    }
}
