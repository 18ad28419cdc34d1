package com.biometriclogger.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.biometriclogger.decision.ObjectVersion;
import com.biometriclogger.decision.UnreadableRecord;
import com.biometriclogger.decision.UploadedImage;
import com.biometriclogger.testing.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The event as the Lambda runtime hands it over (an {@code events/} file read into maps), record by record. */
class S3EventUploadsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "uploads/red+flower.jpg | uploads/red flower.jpg",
            "uploads/a%2Bb.jpg | uploads/a+b.jpg",
            "uploads/%E2%9C%93.jpg | uploads/✓.jpg",
            "uploads/100%25.jpg | uploads/100%.jpg",
            "uploads/M%C3%BCller.png | uploads/Müller.png"})
    void keysAreUrlDecodedAsS3EncodedThem(String encoded, String decoded) {
        var event = singleUpload(object -> object.put("key", encoded));

        assertEquals(decoded, ((UploadedImage) S3EventUploads.from(event).get(0)).key());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "uploads/%zz.jpg | has s3.object.key uploads/%zz.jpg with a malformed percent-escape at character 8",
            "uploads/a.jpg% | has s3.object.key uploads/a.jpg% with a malformed percent-escape at character 13",
            "uploads/%C3.jpg | has s3.object.key uploads/%C3.jpg whose percent-escapes are not UTF-8"})
    void aKeyThatIsNotValidlyEncodedNamesNoUpload(String encoded, String problem) {
        var event = singleUpload(object -> object.put("key", encoded));

        assertEquals(List.of(new UnreadableRecord(0, problem)), S3EventUploads.from(event));
    }

    @Test
    void everyObjectFieldOfTheEventIsCarried() {
        var upload = S3EventUploads.from(Scenario.eventJson("single-upload.json")).get(0);

        assertEquals(new UploadedImage("ObjectCreated:Put", new ObjectVersion("biometric-logger-uploads-123456789012",
                "uploads/alice/selfie.jpg", "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY", "0f343b0931126a20f133d67c2b018a3b"),
                48213, "0055AED6DCD90281E5"), upload);
    }

    @Test
    void aRecordWithoutAVersionIdIsPinnedByItsETag() {
        var upload = (UploadedImage) S3EventUploads.from(singleUpload(object -> object.remove("versionId"))).get(0);

        assertEquals(new ObjectVersion("biometric-logger-uploads-123456789012", "uploads/alice/selfie.jpg", "",
                "0f343b0931126a20f133d67c2b018a3b"), upload.object());
    }

    @Test
    void eachMissingFieldIsNamed() {
        assertEquals("has no s3.object", problem(Scenario.eventJson("malformed-record.json")));
        assertEquals("has no eventName", problem(recordChanged(record -> record.remove("eventName"))));
        assertEquals("has no s3", problem(recordChanged(record -> record.remove("s3"))));
        assertEquals("has no s3.bucket.name", problem(recordChanged(record -> bucket(record).remove("name"))));
        assertEquals("has no s3.object.key", problem(singleUpload(object -> object.remove("key"))));
        assertEquals("has s3.object.key a list, not a string", problem(singleUpload(object -> object.put("key", List.of()))));
        assertEquals("has s3.object.size \"big\", not a number", problem(singleUpload(object -> object.put("size", "big"))));
        assertEquals("names neither s3.object.versionId nor s3.object.eTag: which upload it means cannot be known, and the"
                + " object now under its key is not judged in its place", problem(singleUpload(object -> {
                    object.remove("versionId");
                    object.remove("eTag");
                })));
    }

    @Test
    void aTestEventHasNoRecordsAndIsNotAFailure() {
        assertEquals(List.of(), S3EventUploads.from(Scenario.eventJson("s3-test-event.json")));
    }

    @Test
    void anEventWithRecordsThatAreNotAListIsNotAnS3Notification() {
        var error = assertThrows(MalformedEventException.class, () -> S3EventUploads.from(Map.of("Records", "x")));

        assertEquals("Records is \"x\", not a list of S3 notification records", error.getMessage());
    }

    private static String problem(Map<String, Object> event) {
        return ((UnreadableRecord) S3EventUploads.from(event).get(0)).problem();
    }

    private static Map<String, Object> singleUpload(Consumer<Map<String, Object>> changeObject) {
        return recordChanged(record -> changeObject.accept(object(record)));
    }

    /** single-upload.json with its record changed, copied so the loaded maps may be changed. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> recordChanged(Consumer<Map<String, Object>> change) {
        var event = Scenario.eventJson("single-upload.json");
        Map<String, Object> record = deepCopy(((List<Map<String, Object>>) event.get("Records")).get(0));
        change.accept(record);
        return Map.of("Records", List.of(record));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> record) {
        return (Map<String, Object>) ((Map<String, Object>) record.get("s3")).get("object");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> bucket(Map<String, Object> record) {
        return (Map<String, Object>) ((Map<String, Object>) record.get("s3")).get("bucket");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> copy = new HashMap<>();
        map.forEach((name, value) -> copy.put(name, value instanceof Map<?, ?> nested ? deepCopy((Map<String, Object>) nested)
                : value instanceof List<?> list ? new ArrayList<>(list) : value));
        return copy;
    }
}
