package com.biometriclogger.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.biometriclogger.evidence.CanonicalForm;
import com.biometriclogger.evidence.EvidenceSigner;
import com.biometriclogger.evidence.EvidenceSigning;
import com.biometriclogger.evidence.SealRecord;
import com.biometriclogger.evidence.Sealer;
import com.biometriclogger.util.FlatJson;
import com.biometriclogger.util.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Fixes the bytes a signature covers for a known item and a known seal. Stored evidence must stay
 * verifiable across refactors: if this test fails, items written before the change would no longer
 * verify (or would verify differently), so the change is a format change and needs a schema version.
 */
class GoldenEvidenceTest {


    /** Records what it was asked to sign and answers a fixed signature, so the signed map is deterministic. */
    private static final class RecordingSigner implements EvidenceSigner {
        final List<byte[]> messages = new ArrayList<>();

        @Override
        public String keyId() {
            return "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555";
        }

        @Override
        public byte[] sign(byte[] message) {
            messages.add(message);
            return new byte[] {1, 2, 3};
        }
    }

    @Test
    void aCompared1to1UploadSignsExactlyTheseBytes() {
        var upload = new UploadedImage("ObjectCreated:Put", new ObjectVersion("bucket", "uploads/alice/selfie 1.jpg",
                "v000042", "0123456789abcdef0123456789abcdef"), 34567, "0062A1B2C3D4E5F607");
        var content = new ImageContent(Optional.of("ab".repeat(32)), 34567, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
                Optional.empty());
        var face = new DetectedFace(99.99846f, -12.5f, 3.25f, 1e-7f, 78.5f, 92f, true, false,
                new FaceBox(0.38f, 0.23f, 0.31f, 0.44f));
        var identity = IdentityFacts.compared("alice", new EnrolledReference(
                new ObjectVersion("bucket", "references/alice.jpg", "v000007", "ef"), "cd".repeat(32)), Optional.of(99.12f), SimilarityThresholds.matchOnly(95f));
        var item = AuditItems.of(upload, Optional.of(content), Optional.of(new FaceAnalysis(List.of(face))),
                new Verdict(Decision.AUTHORIZED, List.of()), PolicyThresholds.defaults(), identity,
                new Invocation("req-1", "7"), Instant.parse("2026-05-03T08:14:00.250Z"));
        var signer = new RecordingSigner();

        var signed = new EvidenceSigning(signer).signItem(item).attributes();

        String canonical = new String(signer.messages.get(0), StandardCharsets.UTF_8);
        assertEquals(GOLDEN_ITEM, canonical);
        assertEquals(GOLDEN_ITEM_SHA256, Sha256.hex(signer.messages.get(0)));
        assertEquals("AQID", signed.get(CanonicalForm.SIGNATURE));
        assertEquals(canonical, new String(CanonicalForm.of(signed), StandardCharsets.UTF_8));
    }

    @Test
    void anHoursSealSignsExactlyTheseBytes() {
        var signer = new RecordingSigner();
        List<Map<String, String>> written = new ArrayList<>();
        var store = new Sealer.SealStore() {
            @Override
            public boolean isSealed(String period) {
                return false;
            }

            @Override
            public boolean putOnce(Map<String, String> sealPart) {
                written.add(sealPart);
                return true;
            }
        };
        var archive = new Sealer.SealArchive() {
            @Override
            public List<String> periodsFrom(String from) {
                return List.of();
            }

            @Override
            public Optional<String> newest() {
                return Optional.empty();
            }

            @Override
            public List<Map<String, String>> read(String period) {
                throw new AssertionError("nothing is archived");
            }

            @Override
            public Optional<String> location() {
                return Optional.empty();
            }

            @Override
            public boolean putOnce(String period, List<Map<String, String>> parts) {
                return true;
            }
        };
        Sealer.PeriodIndex index = period -> "2026-05-03T08".equals(period)
                ? List.of(Map.of("attemptId", "b".repeat(64)), Map.of("attemptId", "a".repeat(64))) : List.of();
        var sealer = new Sealer(index, store, archive, new EvidenceSigning(signer),
                Clock.fixed(Instant.parse("2026-05-03T09:06:00Z"), ZoneOffset.UTC));

        sealer.sealDue();

        assertEquals(1, written.size());
        assertEquals(GOLDEN_SEAL, new String(signer.messages.get(0), StandardCharsets.UTF_8));
    }

    /** Seals written before content commitment (version 1) are still read: their ids, no digests. */
    @Test
    void aVersionOneSealStillReads() {
        var seal = SealRecord.from(FlatJson.parse(GOLDEN_SEAL_V1.replace("}", ",\"signature\":\"AQID\"}")));

        assertEquals(1, seal.version());
        assertEquals(List.of("a".repeat(64), "b".repeat(64)), seal.leaves().stream().map(SealRecord.Leaf::attemptId).toList());
    }

    private static final String GOLDEN_ITEM = "{\"attemptId\":\"7846b337a4c0e3fd1c41ff73da05c4c5d87839014c8361081535eda8b02d6783\","
            + "\"bucket\":\"bucket\",\"decidedAt\":\"2026-05-03T08:14:00.250Z\","
            + "\"decidedAtEpochMillis\":\"1777796040250\",\"decision\":\"AUTHORIZED\","
            + "\"eTag\":\"0123456789abcdef0123456789abcdef\",\"faceBoxes\":\"0.38,0.23,0.31,0.44\",\"faceBrightness\":\"78.5\",\"faceCount\":\"1\","
            + "\"faceEyesOpen\":\"true\",\"facePitch\":\"3.25\",\"faceRoll\":\"0.0000001\",\"faceSharpness\":\"92\","
            + "\"faceSunglasses\":\"false\",\"faceYaw\":\"-12.5\",\"functionVersion\":\"7\",\"imageFormat\":\"JPEG\","
            + "\"objectKey\":\"uploads/alice/selfie 1.jpg\","
            + "\"policy\":\"minConfidence=90;maxYaw=45;maxPitch=45;maxRoll=45;minBrightness=20;minSharpness=20;requireEyesOpen=true;rejectSunglasses=true;requiredFaces=1\","
            + "\"reasons\":\"\",\"referenceKey\":\"references/alice.jpg\","
            + "\"referenceSha256\":\"cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd\","
            + "\"referenceVersionId\":\"v000007\",\"requestId\":\"req-1\",\"schemaVersion\":\"2\","
            + "\"sealPeriod\":\"2026-05-03T08\",\"sequencer\":\"0062A1B2C3D4E5F607\","
            + "\"sha256\":\"abababababababababababababababababababababababababababababababab\","
            + "\"signingKeyId\":\"arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555\","
            + "\"similarity\":\"99.12\",\"similarityThreshold\":\"95\",\"sizeBytes\":\"34567\",\"subjectId\":\"alice\","
            + "\"topConfidence\":\"99.99846\",\"versionId\":\"v000042\"}";
    private static final String GOLDEN_ITEM_SHA256 = "a8fa9bfc1cb448f6c6f417f0c2670a72810d5418c6349de475ab51749462ed9d";
    private static final String GOLDEN_SEAL = "{\"chainHeight\":\"0\",\"itemCount\":\"2\","
            + "\"leaves\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:d7c48c0f4db248f430d0b86ebf1158a72074184db9225d1452efe78499a3416b,"
            + "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb:18c7ddfcda0498934d51563afae274fae31de0e2adfb0027938a9cda4cd1135e\","
            + "\"merkleRoot\":\"6c0e086d1cba0cdc1426ac1628f51417c204adc9b6d14310d3d1411b63e2ecf1\",\"part\":\"0\","
            + "\"partCount\":\"1\",\"period\":\"2026-05-03T08\",\"previousSeal\":\"\",\"schemaVersion\":\"2\","
            + "\"sealId\":\"2026-05-03T08#0\",\"sealedAt\":\"2026-05-03T09:06:00Z\","
            + "\"signingKeyId\":\"arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555\"}";
    private static final String GOLDEN_SEAL_V1 = "{\"attemptIds\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,"
            + "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\",\"itemCount\":\"2\",\"part\":\"0\","
            + "\"partCount\":\"1\",\"period\":\"2026-05-03T08\",\"schemaVersion\":\"1\",\"sealId\":\"2026-05-03T08#0\","
            + "\"sealedAt\":\"2026-05-03T09:06:00Z\","
            + "\"signingKeyId\":\"arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555\"}";
}
