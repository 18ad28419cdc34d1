package com.biometriclogger.aws;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import com.biometriclogger.decision.AuditRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The audit table's schema, built once with no reflection (a reflective bean schema costs tens of
 * milliseconds per cold start). Attribute names are the stored names; every one is a String.
 */
public final class AuditRecordSchema {

    public static final String PARTITION_KEY = "attemptId";
    /** The hour each decision is sealed in, and the index the sealer queries by it (keys only). */
    public static final String SEAL_PERIOD = "sealPeriod";
    public static final String SEAL_PERIOD_INDEX = "bySealPeriod";

    public static final StaticImmutableTableSchema<AuditRecord, AuditRecord.Builder> SCHEMA =
        StaticImmutableTableSchema.builder(AuditRecord.class, AuditRecord.Builder.class)
            .newItemBuilder(AuditRecord::builder, AuditRecord.Builder::build)
            .addAttribute(String.class, a -> a.name(PARTITION_KEY).getter(AuditRecord::attemptId)
                .setter(AuditRecord.Builder::attemptId).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("bucket").getter(AuditRecord::bucket).setter(AuditRecord.Builder::bucket))
            .addAttribute(String.class, a -> a.name("objectKey").getter(AuditRecord::objectKey).setter(AuditRecord.Builder::objectKey))
            .addAttribute(String.class, a -> a.name("versionId").getter(AuditRecord::versionId).setter(AuditRecord.Builder::versionId))
            .addAttribute(String.class, a -> a.name("eTag").getter(AuditRecord::eTag).setter(AuditRecord.Builder::eTag))
            .addAttribute(String.class, a -> a.name("sizeBytes").getter(AuditRecord::sizeBytes).setter(AuditRecord.Builder::sizeBytes))
            .addAttribute(String.class, a -> a.name("sequencer").getter(AuditRecord::sequencer).setter(AuditRecord.Builder::sequencer))
            .addAttribute(String.class, a -> a.name("sha256").getter(AuditRecord::sha256).setter(AuditRecord.Builder::sha256))
            .addAttribute(String.class, a -> a.name("imageFormat").getter(AuditRecord::imageFormat).setter(AuditRecord.Builder::imageFormat))
            .addAttribute(String.class, a -> a.name("decision").getter(AuditRecord::decision).setter(AuditRecord.Builder::decision))
            .addAttribute(String.class, a -> a.name("reasons").getter(AuditRecord::reasons).setter(AuditRecord.Builder::reasons))
            .addAttribute(String.class, a -> a.name("faceCount").getter(AuditRecord::faceCount).setter(AuditRecord.Builder::faceCount))
            .addAttribute(String.class, a -> a.name("topConfidence").getter(AuditRecord::topConfidence).setter(AuditRecord.Builder::topConfidence))
            .addAttribute(String.class, a -> a.name("faceYaw").getter(AuditRecord::faceYaw).setter(AuditRecord.Builder::faceYaw))
            .addAttribute(String.class, a -> a.name("facePitch").getter(AuditRecord::facePitch).setter(AuditRecord.Builder::facePitch))
            .addAttribute(String.class, a -> a.name("faceRoll").getter(AuditRecord::faceRoll).setter(AuditRecord.Builder::faceRoll))
            .addAttribute(String.class, a -> a.name("faceBrightness").getter(AuditRecord::faceBrightness).setter(AuditRecord.Builder::faceBrightness))
            .addAttribute(String.class, a -> a.name("faceSharpness").getter(AuditRecord::faceSharpness).setter(AuditRecord.Builder::faceSharpness))
            .addAttribute(String.class, a -> a.name("faceEyesOpen").getter(AuditRecord::faceEyesOpen).setter(AuditRecord.Builder::faceEyesOpen))
            .addAttribute(String.class, a -> a.name("faceSunglasses").getter(AuditRecord::faceSunglasses).setter(AuditRecord.Builder::faceSunglasses))
            .addAttribute(String.class, a -> a.name("policy").getter(AuditRecord::policy).setter(AuditRecord.Builder::policy))
            .addAttribute(String.class, a -> a.name("subjectId").getter(AuditRecord::subjectId).setter(AuditRecord.Builder::subjectId))
            .addAttribute(String.class, a -> a.name("referenceKey").getter(AuditRecord::referenceKey).setter(AuditRecord.Builder::referenceKey))
            .addAttribute(String.class, a -> a.name("referenceVersionId").getter(AuditRecord::referenceVersionId).setter(AuditRecord.Builder::referenceVersionId))
            .addAttribute(String.class, a -> a.name("referenceSha256").getter(AuditRecord::referenceSha256).setter(AuditRecord.Builder::referenceSha256))
            .addAttribute(String.class, a -> a.name("similarity").getter(AuditRecord::similarity).setter(AuditRecord.Builder::similarity))
            .addAttribute(String.class, a -> a.name("similarityThreshold").getter(AuditRecord::similarityThreshold).setter(AuditRecord.Builder::similarityThreshold))
            .addAttribute(String.class, a -> a.name("decidedAt").getter(AuditRecord::decidedAt).setter(AuditRecord.Builder::decidedAt))
            .addAttribute(String.class, a -> a.name("decidedAtEpochMillis").getter(AuditRecord::decidedAtEpochMillis).setter(AuditRecord.Builder::decidedAtEpochMillis))
            .addAttribute(String.class, a -> a.name("requestId").getter(AuditRecord::requestId).setter(AuditRecord.Builder::requestId))
            .addAttribute(String.class, a -> a.name("functionVersion").getter(AuditRecord::functionVersion).setter(AuditRecord.Builder::functionVersion))
            .addAttribute(String.class, a -> a.name("schemaVersion").getter(AuditRecord::schemaVersion).setter(AuditRecord.Builder::schemaVersion))
            .addAttribute(String.class, a -> a.name("sealPeriod").getter(AuditRecord::sealPeriod).setter(AuditRecord.Builder::sealPeriod))
            .addAttribute(String.class, a -> a.name("signingKeyId").getter(AuditRecord::signingKeyId).setter(AuditRecord.Builder::signingKeyId))
            .addAttribute(String.class, a -> a.name("signature").getter(AuditRecord::signature).setter(AuditRecord.Builder::signature))
            .build();

    private AuditRecordSchema() {
    }

    /** The item's attributes exactly as they are stored (absent values are not written). */
    public static Map<String, String> toStrings(AuditRecord record) {
        var strings = new LinkedHashMap<String, String>();
        SCHEMA.itemToMap(record, true).forEach((name, value) -> strings.put(name, value.s()));
        return strings;
    }

    public static AuditRecord fromStrings(Map<String, String> attributes) {
        var values = new LinkedHashMap<String, AttributeValue>();
        attributes.forEach((name, value) -> values.put(name, AttributeValue.fromS(value)));
        return SCHEMA.mapToItem(values);
    }
}
