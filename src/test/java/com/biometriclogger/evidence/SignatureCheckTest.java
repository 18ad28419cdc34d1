package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.evidence.Finding.Problem;
import com.biometriclogger.local.stack.LocalKeyFileSigner;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignatureCheckTest {

    @TempDir
    Path dir;

    private LocalKeyFileSigner signer;
    private LocalKeyFileSigner other;
    private Map<String, String> signed;

    @BeforeEach
    void oneSignedItem() {
        signer = LocalKeyFileSigner.createIfMissing(dir.resolve("item.pem"));
        other = LocalKeyFileSigner.createIfMissing(dir.resolve("other.pem"));
        signed = new EvidenceSigning(signer).sign(Map.of("attemptId", "a1", "objectKey", "uploads/a.jpg",
                "decision", "REJECTED"));
    }

    @Test
    void anItemSignedByTheTrustedKeyUnderItsIdIsTrusted() {
        var checked = check(signer.evidenceKey()).item(new StoredItem(signed, List.of()));

        assertTrue(checked.signatureHolds());
        assertEquals(List.of(), checked.problems());
    }

    @Test
    void aChangedAttributeBreaksTheSignatureAndTheFindingNamesTheItem() {
        var changed = new HashMap<>(signed);
        changed.put("decision", "AUTHORIZED");

        var checked = check(signer.evidenceKey()).item(new StoredItem(changed, List.of()));

        assertEquals(List.of(new Finding(Problem.SIGNATURE_INVALID, "a1", "uploads/a.jpg: content does not match "
                + "its signature: altered after signing, or forged")), checked.problems());
    }

    @Test
    void aValidSignatureUnderAnotherKeyIdIsNotTrusted() {
        var byOther = new EvidenceSigning(other).sign(signed);

        var checked = check(signer.evidenceKey()).item(new StoredItem(byOther, List.of()));

        assertEquals(Problem.UNTRUSTED_KEY, checked.signatureProblem().orElseThrow().problem());
        assertTrue(checked.signatureProblem().get().detail().contains("signed by " + other.keyId()),
                checked.signatureProblem().get().detail());
    }

    @Test
    void aForgerCannotBorrowTheTrustedKeyIdWithItsOwnKey() {
        var forged = new EvidenceSigning(other.as(signer.keyId())).sign(signed);

        var checked = check(signer.evidenceKey()).item(new StoredItem(forged, List.of()));

        assertEquals(Optional.of(Problem.SIGNATURE_INVALID), checked.signatureProblem().map(Finding::problem));
    }

    @Test
    void aBarePublicKeyAdmitsAnyRecordedIdButStillNeedsItsSignature() {
        var bare = new EvidenceKey(new KeyId.AnyId(), signer.evidenceKey().publicKey());
        var underAnotherId = new EvidenceSigning(signer.as("arn:aws:kms:eu-west-1:1:key/other")).sign(signed);
        var byOther = new EvidenceSigning(other).sign(signed);

        assertTrue(check(bare).item(new StoredItem(underAnotherId, List.of())).signatureHolds());
        assertEquals(Optional.of(Problem.SIGNATURE_INVALID),
                check(bare).item(new StoredItem(byOther, List.of())).signatureProblem().map(Finding::problem));
    }

    @Test
    void anUnsignedOrGarbledSignatureIsNamed() {
        var unsigned = new HashMap<>(signed);
        unsigned.remove(CanonicalForm.SIGNATURE);
        var garbled = new HashMap<>(signed);
        garbled.put(CanonicalForm.SIGNATURE, "not base64!");

        assertEquals(Optional.of(Problem.UNSIGNED), problem(unsigned));
        assertEquals(Optional.of(Problem.SIGNATURE_INVALID), problem(garbled));
    }

    @Test
    void anAttributeStoredAsAnotherTypeIsNamedBeforeTheSignature() {
        var checked = check(signer.evidenceKey()).item(new StoredItem(signed, List.of("faceCount")));

        assertTrue(checked.signatureHolds(), "the String attributes still verify");
        assertEquals(List.of(new Finding(Problem.NOT_STRING_TYPED, "a1",
                "attributes stored as another type than String: [faceCount]")), checked.problems());
    }

    @Test
    void aNamedKeyNeedsItsIdAndACheckNeedsAKey() {
        var publicKey = signer.evidenceKey().publicKey();
        assertThrows(IllegalArgumentException.class, () -> new EvidenceKey("", publicKey));
        assertThrows(IllegalArgumentException.class, () -> new SignatureCheck(List.of()));
        assertFalse(new KeyId.Named("arn:key/a").admits("arn:key/b"));
    }

    private Optional<Problem> problem(Map<String, String> attributes) {
        return check(signer.evidenceKey()).item(new StoredItem(attributes, List.of())).signatureProblem()
                .map(Finding::problem);
    }

    private static SignatureCheck check(EvidenceKey key) {
        return new SignatureCheck(List.of(key));
    }
}
