package com.biometriclogger.aws;

import com.biometriclogger.decision.DeploymentFaultException;
import com.biometriclogger.decision.ImageContent;
import com.biometriclogger.decision.ImageScreen;
import com.biometriclogger.decision.ImageSource;
import com.biometriclogger.decision.ObjectVersion;
import com.biometriclogger.decision.ReasonCode;
import com.biometriclogger.decision.StoredImage;
import com.biometriclogger.decision.UnjudgeableImageException;
import com.biometriclogger.util.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Reads the exact object version an event names and hashes it while the bytes stream in.
 *
 * <p>The read is pinned: by {@code versionId} when the event names one, else by {@code If-Match} on
 * the event's eTag, so the bytes judged are the bytes that triggered the event; a name with neither
 * is refused, never read as whatever is current. The version returned is the one S3 answered with
 * (its {@code x-amz-version-id} and eTag), so an event that omitted the version id of a versioned
 * object still gets that version's one attempt id.
 *
 * <p>Images small enough to send to Rekognition inline are kept in memory; larger ones are hashed and
 * dropped chunk by chunk (Rekognition reads them itself by an S3 reference pinned to the version),
 * and objects beyond Rekognition's limit are not read at all.
 */
public final class S3ImageSource implements ImageSource {

    private static final int CHUNK = 64 * 1024;

    private final S3Client s3;

    public S3ImageSource(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public StoredImage read(ObjectVersion image) {
        var request = GetObjectRequest.builder().bucket(image.bucket()).key(image.key());
        if (image.isVersioned()) {
            request.versionId(image.versionId());
        } else if (!image.eTag().isEmpty()) {
            request.ifMatch(image.eTag());
        } else {
            throw new IllegalArgumentException("s3://" + image.bucket() + "/" + image.key()
                    + " names neither a version id nor an eTag: the current object is not the upload's");
        }
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(request.build())) {
            var response = in.response();
            var answered = new ObjectVersion(image.bucket(), image.key(), response.versionId(), response.eTag());
            long size = response.contentLength();
            if (size > ImageScreen.MAX_IMAGE_BYTES) {
                in.abort();
                return new StoredImage(answered, ImageContent.notRead(size));
            }
            return new StoredImage(answered, hashWhileReading(in, size));
        } catch (S3Exception e) {
            throw translate(e, image);
        } catch (IOException e) {
            throw new UncheckedIOException("reading s3://" + image.bucket() + "/" + image.key() + " failed", e);
        }
    }

    private static ImageContent hashWhileReading(InputStream in, long declaredSize) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        boolean inline = declaredSize <= RekognitionLimits.MAX_INLINE_BYTES;
        byte @Nullable [] whole = inline ? new byte[(int) declaredSize] : null;
        byte[] head = new byte[ImageContent.HEAD_LENGTH];
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        int n;
        while ((n = in.read(chunk)) != -1) {
            digest.update(chunk, 0, n);
            if (total < head.length) {
                System.arraycopy(chunk, 0, head, (int) total, (int) Math.min(n, head.length - total));
            }
            if (whole != null && total + n <= whole.length) {
                System.arraycopy(chunk, 0, whole, (int) total, n);
            } else {
                whole = null;
            }
            total += n;
        }
        if (total != declaredSize) {
            throw new IOException("expected " + declaredSize + " bytes but the stream ended after " + total);
        }
        return new ImageContent(Optional.of(HexFormat.of().formatHex(digest.digest())), total,
                Arrays.copyOf(head, (int) Math.min(total, head.length)), Optional.ofNullable(whole));
    }

    /**
     * A missing key or version is the upload's fate (deleted after the event): audited. A missing
     * bucket or a denied read is the deployment's fault: it propagates and fails the invocation.
     */
    private static RuntimeException translate(S3Exception e, ObjectVersion image) {
        String code = errorCode(e);
        if (e.statusCode() == 404 && !"NoSuchBucket".equals(code)) {
            return new UnjudgeableImageException(ReasonCode.OBJECT_GONE,
                    image.describe() + " of the object no longer exists (" + code + ")", e);
        }
        if (e.statusCode() == 412) {
            return new UnjudgeableImageException(ReasonCode.OBJECT_CHANGED,
                    "the object was overwritten after the event: its eTag is no longer " + image.eTag(), e);
        }
        if (e.statusCode() == 403 || "NoSuchBucket".equals(code)) {
            return new DeploymentFaultException("S3 " + code + " reading s3://" + image.bucket() + "/" + image.key(), e);
        }
        return e;
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null ? "HTTP " + e.statusCode() : e.awsErrorDetails().errorCode();
    }
}
