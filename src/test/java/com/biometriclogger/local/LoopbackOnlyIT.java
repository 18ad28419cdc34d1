package com.biometriclogger.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The local stand-ins answer this machine only: each port is open on 127.0.0.1 and closed on the machine's network address. */
class LoopbackOnlyIT {

    @Test
    void everyLocalServerListensOnLoopbackOnly() throws Exception {
        var external = externalAddress();
        assumeTrue(external.isPresent(), "SKIPPED: this machine has no network address besides loopback to try");
        try (var stack = LocalStack.start(new FixedFaceBackend())) {
            List<URI> endpoints = List.of(stack.s3Endpoint(), stack.dynamoDbEndpoint(), stack.rekognition().endpoint(),
                    stack.kms().endpoint(), stack.sns().endpoint());
            for (URI endpoint : endpoints) {
                assertEquals("127.0.0.1", endpoint.getHost());
                connect(InetAddress.getLoopbackAddress(), endpoint.getPort());
                assertThrows(ConnectException.class, () -> connect(external.get(), endpoint.getPort()),
                        endpoint + " must not answer on " + external.get().getHostAddress());
            }
        }
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
        }
    }

    private static Optional<InetAddress> externalAddress() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(nic -> {
            try {
                return nic.isUp() && !nic.isLoopback();
            } catch (SocketException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
    }
}
