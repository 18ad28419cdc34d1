package com.biometriclogger.handler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Where the SnapStart priming's requests go: a loopback socket in this process that answers each
 * with the smallest well-formed response of its service's protocol, so the response path (the HTTP
 * client reading it, unmarshalling, the adapters' own code) runs before the snapshot as well.
 * It listens on 127.0.0.1 only, for the length of {@link SnapStartPriming#beforeCheckpoint}, and
 * closes every connection after one answer, so no socket is left in the snapshot.
 */
final class PrimingEndpoint implements AutoCloseable {

    /** What every primed S3 object "contains": the first bytes of a JPEG. */
    static final byte[] IMAGE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};

    private static final String FACE = """
            {"BoundingBox":{"Width":0.4,"Height":0.5,"Left":0.3,"Top":0.2},"Confidence":99.9,\
            "Pose":{"Roll":1.0,"Yaw":-2.0,"Pitch":3.0},"Quality":{"Brightness":80.0,"Sharpness":90.0},\
            "EyesOpen":{"Value":true,"Confidence":99.0},"Sunglasses":{"Value":false,"Confidence":99.0}}""";

    private final ServerSocket socket;
    private final Thread thread;
    private final AtomicInteger answered = new AtomicInteger();

    private PrimingEndpoint(ServerSocket socket) {
        this.socket = socket;
        this.thread = new Thread(this::serve, "snapstart-priming-endpoint");
        this.thread.setDaemon(true);
    }

    static PrimingEndpoint open() {
        try {
            var endpoint = new PrimingEndpoint(new ServerSocket(0, 8, InetAddress.getLoopbackAddress()));
            endpoint.thread.start();
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException("the SnapStart priming could not listen on loopback", e);
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** How many requests it has answered (counted before the answer is written): each primed call adds one. */
    int answered() {
        return answered.get();
    }

    @Override
    public void close() {
        try {
            socket.close();
            thread.join(5_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                answer(connection.getInputStream(), connection.getOutputStream());
            } catch (IOException closedOrBroken) {
                // Closed by close(), or a request that broke off: the primed call then fails and says so.
            }
        }
    }

    private void answer(InputStream in, OutputStream out) throws IOException {
        String[] head = new String(readHead(in), StandardCharsets.ISO_8859_1).split("\r\n", -1);
        String method = head[0].substring(0, head[0].indexOf(' '));
        String target = head[0].substring(head[0].indexOf(' ') + 1, head[0].lastIndexOf(' '));
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.put(head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).strip());
        }
        // The URL-connection client sends an S3 PutObject's body only after "100 Continue" (or a timeout).
        if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        var response = respond(method, target, headers.get("x-amz-target"));
        answered.incrementAndGet(); // before the answer: the caller may count as soon as it has read it
        byte[] body = response.body();
        String status = "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: " + response.contentType()
                + "\r\nContent-Length: " + body.length + "\r\nx-amz-request-id: snapstart-priming\r\n"
                + response.extraHeaders() + "\r\n";
        out.write(status.getBytes(StandardCharsets.ISO_8859_1));
        if (!"HEAD".equals(method)) {
            out.write(body);
        }
        out.flush();
    }

    @SuppressWarnings("ArrayRecordComponent") // never compared: one answer, written once
    private record Response(String contentType, String extraHeaders, byte[] body) {
        static Response json(String protocol, String body) {
            return new Response(protocol, "", body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** One answer per operation the function calls, told apart as each protocol does. */
    private static Response respond(String method, String target, @Nullable String operation) {
        if (operation != null) {
            return switch (operation) {
                case "RekognitionService.DetectFaces" -> Response.json("application/x-amz-json-1.1", "{\"FaceDetails\":[" + FACE + "]}");
                case "RekognitionService.CompareFaces" -> Response.json("application/x-amz-json-1.1",
                        "{\"SourceImageFace\":{\"Confidence\":99.9},\"FaceMatches\":[{\"Similarity\":99.0,\"Face\":" + FACE
                                + "}],\"UnmatchedFaces\":[]}");
                case "TrentService.Sign" -> Response.json("application/x-amz-json-1.1",
                        "{\"KeyId\":\"alias/" + SnapStartPriming.NEVER_SENT + "\",\"Signature\":\"AAAA\",\"SigningAlgorithm\":\"ECDSA_SHA_256\"}");
                default -> Response.json("application/x-amz-json-1.0", "{}");
            };
        }
        if (target.contains("list-type=2")) {
            return new Response("application/xml", "", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>" + SnapStartPriming.NEVER_SENT
                    + "</Name><Prefix></Prefix><KeyCount>1</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>"
                    + "<Contents><Key>" + SnapStartPriming.NEVER_SENT + ".jpg</Key><LastModified>2026-01-01T00:00:00.000Z</LastModified>"
                    + "<ETag>\"0\"</ETag><Size>" + IMAGE.length + "</Size><StorageClass>STANDARD</StorageClass></Contents>"
                    + "</ListBucketResult>").getBytes(StandardCharsets.UTF_8));
        }
        return new Response("image/jpeg", "ETag: \"0\"\r\nx-amz-version-id: " + SnapStartPriming.NEVER_SENT
                + "\r\nLast-Modified: Thu, 01 Jan 2026 00:00:00 GMT\r\n", "GET".equals(method) || "HEAD".equals(method) ? IMAGE : new byte[0]);
    }

    private static byte[] readHead(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the request ended inside its headers");
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        byte[] bytes = head.toByteArray();
        return java.util.Arrays.copyOf(bytes, bytes.length - 4);
    }
}
