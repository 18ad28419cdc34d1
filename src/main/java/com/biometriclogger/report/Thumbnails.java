package com.biometriclogger.report;

import com.biometriclogger.decision.ImageFormat;
import com.biometriclogger.decision.ImageSource;
import com.biometriclogger.decision.ObjectVersion;
import com.biometriclogger.decision.ReasonCode;
import com.biometriclogger.decision.UnjudgeableImageException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code --with-images}: the exact image versions the items record, read with the operator's own
 * rights, checked against the recorded SHA-256 and shown small. At most {@link #MAX_IMAGES} versions
 * are read for one page (a reference shown on many rows is read once); one that cannot be shown says
 * why in its place and never stops the report.
 */
public final class Thumbnails {

    static final int MAX_IMAGES = 100;

    private final ImageSource images;
    private final Map<ObjectVersion, Thumbnail> read = new HashMap<>();

    public Thumbnails(ImageSource images) {
        this.images = images;
    }

    /** @param recordedSha256 the hash the item records for it; empty when none was */
    Thumbnail of(ObjectVersion version, String recordedSha256) {
        var known = read.get(version);
        if (known != null) {
            return known;
        }
        if (read.size() >= MAX_IMAGES) {
            return new Thumbnail.NotShown("not shown: a page shows at most " + MAX_IMAGES + " images");
        }
        var thumbnail = read(version, recordedSha256);
        read.put(version, thumbnail);
        return thumbnail;
    }

    private Thumbnail read(ObjectVersion version, String recordedSha256) {
        try {
            var content = images.read(version).content();
            if (content.bytes().isEmpty()) {
                return new Thumbnail.NotShown("not shown: too large to read whole (" + content.size() + " bytes)");
            }
            if (!recordedSha256.isEmpty() && !content.sha256().orElse("").equals(recordedSha256)) {
                return new Thumbnail.NotShown("not shown: this version's bytes no longer match the recorded SHA-256");
            }
            if (ImageFormat.sniff(content.head()).isEmpty()) {
                return new Thumbnail.NotShown("not shown: neither JPEG nor PNG");
            }
            return ThumbnailImage.of(content.bytes().get());
        } catch (UnjudgeableImageException gone) {
            return new Thumbnail.NotShown(gone.reason() == ReasonCode.OBJECT_GONE
                    ? "not available: this version is no longer in the bucket (erased or deleted)"
                    : "not available: " + gone.getMessage());
        } catch (IOException undecodable) {
            return new Thumbnail.NotShown("not shown: cannot be decoded (" + undecodable.getMessage() + ")");
        } catch (RuntimeException unreadable) {
            // A denied read or a bucket gone is the reader's to fix, and one image's fate never ends the report.
            return new Thumbnail.NotShown("not read: " + unreadable.getMessage());
        }
    }
}
