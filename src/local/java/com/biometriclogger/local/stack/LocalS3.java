package com.biometriclogger.local.stack;

import java.net.URI;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/** An S3-compatible server (S3Proxy) in this process, on loopback. */
public final class LocalS3 implements AutoCloseable {

    private final S3Proxy proxy;
    private final URI endpoint;
    private final boolean versioning;

    private LocalS3(S3Proxy proxy, URI endpoint, boolean versioning) {
        this.proxy = proxy;
        this.endpoint = endpoint;
        this.versioning = versioning;
    }

    /**
     * @param port    0 for any free port
     * @param dataDir null to keep objects in memory only
     */
    public static LocalS3 start(int port, Path dataDir, String accessKey, String secretKey) {
        int chosen = port == 0 ? FreePort.pick() : port;
        URI endpoint = URI.create("http://127.0.0.1:" + chosen);
        BlobStore store = dataDir == null ? new TransientNio2BlobStore() : new FilesystemNio2BlobStore(dataDir.toString());
        var proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(endpoint)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .stopTimeout(0)
                .build();
        try {
            proxy.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline || "FAILED".equals(proxy.getState())) {
                    throw new IllegalStateException("state " + proxy.getState());
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new IllegalStateException("the local S3 server could not start on port " + chosen + ": " + e.getMessage(), e);
        }
        return new LocalS3(proxy, endpoint, store.supportsVersioning());
    }

    /** S3Proxy versions objects only in its in-memory store. */
    public boolean supportsVersioning() {
        return versioning;
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the local S3 server did not stop cleanly", e);
        }
    }
}
