package com.biometriclogger.cli;

import com.biometriclogger.aws.KmsEvidenceSigner;
import com.biometriclogger.evidence.EvidenceKey;
import com.biometriclogger.evidence.SealPeriod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.kms.KmsClient;

/** The {@code verify} command's arguments. */
record VerifyOptions(String table, String sealTable, List<KeySource> itemKeys, List<KeySource> sealKeys,
                     Optional<Archive> archive, Optional<Archive> commitments, Optional<SealPeriod> v1Cutover,
                     boolean rederive, boolean checkImages, boolean json, boolean progress, Optional<Path> exportDir,
                     Optional<LocalDate> from, Optional<LocalDate> to, Optional<Path> html, boolean withImages) {

    /** Where a trusted key comes from: a PEM file of its public half, or KMS by key id. */
    sealed interface KeySource {

        EvidenceKey load(KmsClient kms);

        record Pem(Path publicKey) implements KeySource {

            @Override
            public EvidenceKey load(KmsClient kms) {
                try {
                    return EvidenceKey.fromPem(Files.readString(publicKey));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the public key " + publicKey, e);
                }
            }
        }

        record Kms(String keyId) implements KeySource {

            @Override
            public EvidenceKey load(KmsClient kms) {
                return KmsEvidenceSigner.publicKey(kms, keyId);
            }
        }

        static KeySource pem(String file) {
            return new Pem(Path.of(file));
        }

        static KeySource kms(String keyId) {
            return new Kms(keyId);
        }
    }

    /** The write-once seal archive, {@code s3://bucket/prefix}. */
    record Archive(String bucket, String prefix) {

        /** As the sealer records it in each seal. */
        String uri() {
            return "s3://" + bucket + "/" + prefix;
        }

        static Archive parse(String uri) {
            return parse("--seal-archive", uri, "seals/");
        }

        /** @param defaultPrefix when the URI names only a bucket */
        static Archive parse(String option, String uri, String defaultPrefix) {
            if (!uri.startsWith("s3://") || uri.length() <= "s3://".length()) {
                throw new IllegalArgumentException(option + " is s3://BUCKET/PREFIX, got '" + uri + "'");
            }
            String rest = uri.substring("s3://".length());
            int slash = rest.indexOf('/');
            return slash < 0 ? new Archive(rest, defaultPrefix) : new Archive(rest.substring(0, slash), rest.substring(slash + 1));
        }

        static Archive commitments(String uri) {
            return parse("--commitments", uri, "commitments/");
        }
    }

    static final String USAGE = """
            usage: target/bin/verify --table AUDIT_TABLE (--public-key PEM_FILE | --kms-key-id KEY_ARN)...
                                     (--seal-public-key PEM_FILE | --seal-kms-key-id KEY_ARN)... [options]
              each key option may be repeated: every item and seal must be signed by one of the keys given
              (the current key and the ones it replaced)
              --seal-table NAME    the seal table (default: AUDIT_TABLE-seals)
              --seal-archive s3://BUCKET/PREFIX
                                   the write-once seal archive, authoritative for seals (prefix default: seals/)
              --commitments s3://BUCKET/PREFIX
                                   the decisions' write-once commitments: names a rewrite or deletion made
                                   before the hour is sealed (prefix default: commitments/)
              --v1-cutover HOUR    version-1 seals (ids only) count only for hours before HOUR (2026-05-03T08);
                                   without it, before the first version-2 seal (with --seal-archive: none count)
              --rederive           re-apply each item's recorded thresholds to its recorded figures
              --check-images       re-read each image version still in S3 and compare its SHA-256
              --json               print the report as JSON instead of a table
              --no-progress        no progress bar (there is one only when stderr is a terminal)
              --html FILE          also write the report as one self-contained HTML page (docs/report.md)
              --with-images        put each judged image and its reference, with the recorded face boxes, on
                                   the page: it then contains biometric data (reads the upload bucket)
              --export DIR         also write an evidence bundle (JSON lines, public key, instructions)
              --from YYYY-MM-DD    first day (UTC) of the bundle (default: everything)
              --to YYYY-MM-DD      last day (UTC) of the bundle (default: everything)
              --help               this text
            region: AWS_REGION, else AWS_DEFAULT_REGION, else the region of AWS_PROFILE (or default) in
            ~/.aws/config
            exit status: 0 the evidence is intact, 1 something was found, 2 the check could not run, 3 nothing
            was found but the seals name an archive that was not checked (give --seal-archive), or the
            commitments were not checked (give --commitments)""";

    static VerifyOptions parse(String[] args) {
        @Nullable String table = null;
        @Nullable String sealTable = null;
        List<KeySource> itemKeys = new ArrayList<>();
        List<KeySource> sealKeys = new ArrayList<>();
        Optional<Archive> archive = Optional.empty();
        Optional<Archive> commitments = Optional.empty();
        Optional<SealPeriod> v1Cutover = Optional.empty();
        boolean rederive = false;
        boolean checkImages = false;
        boolean json = false;
        boolean progress = true;
        Optional<Path> exportDir = Optional.empty();
        Optional<LocalDate> from = Optional.empty();
        Optional<LocalDate> to = Optional.empty();
        Optional<Path> html = Optional.empty();
        boolean withImages = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--table" -> table = value(args, ++i);
                case "--seal-table" -> sealTable = value(args, ++i);
                case "--public-key" -> itemKeys.add(KeySource.pem(value(args, ++i)));
                case "--kms-key-id" -> itemKeys.add(KeySource.kms(value(args, ++i)));
                case "--seal-public-key" -> sealKeys.add(KeySource.pem(value(args, ++i)));
                case "--seal-kms-key-id" -> sealKeys.add(KeySource.kms(value(args, ++i)));
                case "--seal-archive" -> archive = Optional.of(Archive.parse(value(args, ++i)));
                case "--commitments" -> commitments = Optional.of(Archive.commitments(value(args, ++i)));
                case "--v1-cutover" -> v1Cutover = Optional.of(SealPeriod.parse(value(args, ++i)));
                case "--rederive" -> rederive = true;
                case "--check-images" -> checkImages = true;
                case "--json" -> json = true;
                case "--no-progress" -> progress = false;
                case "--export" -> exportDir = Optional.of(Path.of(value(args, ++i)));
                case "--from" -> from = Optional.of(date(value(args, ++i)));
                case "--to" -> to = Optional.of(date(value(args, ++i)));
                case "--html" -> html = Optional.of(Path.of(value(args, ++i)));
                case "--with-images" -> withImages = true;
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
            }
        }
        if (table == null) {
            throw new IllegalArgumentException("--table is required");
        }
        if (itemKeys.isEmpty()) {
            throw new IllegalArgumentException("--public-key or --kms-key-id is required (once per trusted key): "
                    + "the keys to trust come from you, never from the table");
        }
        if (sealKeys.isEmpty()) {
            throw new IllegalArgumentException("--seal-public-key or --seal-kms-key-id is required (once per trusted "
                    + "key): seals are signed by their own key, not by the items' key");
        }
        if (withImages && html.isEmpty()) {
            throw new IllegalArgumentException("--with-images puts the images on the page; add --html FILE");
        }
        if ((from.isPresent() || to.isPresent()) && exportDir.isEmpty()) {
            throw new IllegalArgumentException("--from and --to choose what --export writes; add --export DIR");
        }
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new IllegalArgumentException("--from " + from.get() + " is after --to " + to.get()
                    + ": no day is in that range");
        }
        return new VerifyOptions(table, sealTable == null ? table + "-seals" : sealTable,
                List.copyOf(itemKeys), List.copyOf(sealKeys), archive, commitments, v1Cutover,
                rederive, checkImages, json, progress, exportDir, from, to, html, withImages);
    }

    static String value(String[] args, int i) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("dates are YYYY-MM-DD, got '" + value + "'");
        }
    }
}
