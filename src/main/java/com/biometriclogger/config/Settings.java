package com.biometriclogger.config;

import com.biometriclogger.aws.AwsAccess;
import com.biometriclogger.decision.LockoutRule;
import com.biometriclogger.decision.PolicyThresholds;
import com.biometriclogger.decision.SimilarityThresholds;
import com.biometriclogger.decision.UploadScope;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything the function reads from its environment, validated once at start-up. Every problem
 * is reported at once, each naming its variable, so a bad deployment fails on its first cold start
 * with a message that says what to fix.
 */
public record Settings(
        String auditTableName,
        UploadScope uploadScope,
        PolicyThresholds thresholds,
        Identity identity,
        String signingKeyArn,
        Commitments commitments,
        AwsAccess aws,
        Optional<LockoutRule> lockout) {

    /**
     * Where each decision's commitment goes: the Object Lock archive, under a prefix of its own (the
     * function's role may write there and nowhere else in the archive).
     */
    public record Commitments(String bucket, String prefix) {
    }

    /**
     * A single-Region KMS key's ARN, the one rule for every key ARN the stack is given: template.yaml's
     * replacement-key parameters allow exactly this (KeyArnRuleTest). Multi-Region keys ({@code mrk-})
     * are refused everywhere: a replica in another Region signs as the key does, out of this stack's sight.
     */
    public static final String KMS_KEY_ARN = "arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}";

    /**
     * {@code MATCH}: 1:1 against the subject's enrolled reference; {@code DETECT_ONLY}: a good face is enough.
     * "Verify" names only the evidence check, so the mode that matches faces is called MATCH; stacks deployed
     * before that rename still say {@code VERIFY}, which is read as MATCH.
     */
    public enum Mode { MATCH, DETECT_ONLY }

    private static final String FORMER_NAME_OF_MATCH = "VERIFY";

    /**
     * @param referencePrefix where subjects' reference images are enrolled, e.g. {@code references/alice.jpg}
     * @param similarity      MIN_SIMILARITY, and REVIEW_SIMILARITY where the review band under it starts
     */
    public record Identity(Mode mode, String referencePrefix, SimilarityThresholds similarity) {
    }

    /** Region, credentials and endpoints: all a tool needs to build clients, without the function's settings. */
    public static AwsAccess awsAccess(Map<String, String> env) {
        var reader = new Reader(env);
        var access = reader.awsAccess();
        reader.failIfAnyProblem();
        return access;
    }

    /** As {@link #awsAccess(Map)} with credentials found elsewhere (a command-line tool's profile). */
    public static AwsAccess awsAccess(Map<String, String> env, AwsAccess.Credentials credentials) {
        var reader = new Reader(env);
        var access = reader.awsAccess(credentials);
        reader.failIfAnyProblem();
        return access;
    }

    public static Settings fromEnvironment(Map<String, String> env) {
        var reader = new Reader(env);
        var defaults = PolicyThresholds.defaults();
        String table = reader.required("AUDIT_TABLE_NAME");
        Optional<String> bucket = reader.optional("UPLOAD_BUCKET");
        String prefix = reader.optional("UPLOAD_PREFIX").orElse("uploads/");
        var thresholds = new PolicyThresholds(
                reader.number("MIN_FACE_CONFIDENCE", defaults.minConfidence(), 0, 100),
                reader.number("MAX_YAW_DEGREES", defaults.maxYaw(), 0, 180),
                reader.number("MAX_PITCH_DEGREES", defaults.maxPitch(), 0, 180),
                reader.number("MAX_ROLL_DEGREES", defaults.maxRoll(), 0, 180),
                reader.number("MIN_BRIGHTNESS", defaults.minBrightness(), 0, 100),
                reader.number("MIN_SHARPNESS", defaults.minSharpness(), 0, 100),
                reader.bool("REQUIRE_EYES_OPEN", defaults.requireEyesOpen()),
                reader.bool("REJECT_SUNGLASSES", defaults.rejectSunglasses()));
        var mode = reader.mode("VERIFICATION_MODE");
        String referencePrefix = reader.optional("REFERENCE_PREFIX").orElse("references/");
        float minSimilarity = reader.number("MIN_SIMILARITY", 95f, 0, 100);
        // The band is off by default (it starts at the match threshold), so deployed decisions stay as they were.
        float reviewSimilarity = reader.number("REVIEW_SIMILARITY", minSimilarity, 0, minSimilarity);
        String signingKeyArn = reader.signingKeyArn();
        var commitments = new Commitments(reader.required("COMMITMENT_ARCHIVE_BUCKET"),
                reader.optional("COMMITMENT_ARCHIVE_PREFIX").orElse("commitments/"));
        var aws = reader.awsAccess();
        // On by default (issue 29's 5 in 15 minutes); LOCKOUT_FAILURES=0 turns it off.
        int lockoutFailures = reader.wholeNumber("LOCKOUT_FAILURES", 0, 100).orElse(LockoutRule.DEFAULT.limit());
        int lockoutMinutes = reader.wholeNumber("LOCKOUT_WINDOW_MINUTES", 1, 1440)
                .orElse((int) LockoutRule.DEFAULT.window().toMinutes());
        reader.failIfAnyProblem();
        var lockout = lockoutFailures == 0 ? Optional.<LockoutRule>empty()
                : Optional.of(new LockoutRule(lockoutFailures, Duration.ofMinutes(lockoutMinutes)));
        var identity = new Identity(mode, referencePrefix, new SimilarityThresholds(minSimilarity, reviewSimilarity));
        var scope = new UploadScope(bucket, prefix,
                identity.mode() == Mode.MATCH ? Optional.of(identity.referencePrefix()) : Optional.empty());
        return new Settings(table, scope, thresholds, identity, signingKeyArn, commitments, aws, lockout);
    }

    static final class Reader {
        private final Map<String, String> env;
        private final List<String> problems = new ArrayList<>();

        Reader(Map<String, String> env) {
            this.env = env;
        }

        Optional<String> optional(String name) {
            String value = env.get(name);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
        }

        String required(String name) {
            return optional(name).orElseGet(() -> {
                problems.add(name + " is required but not set");
                return ""; // never read: failIfAnyProblem throws before a Settings is built
            });
        }

        float number(String name, float defaultValue, float min, float max) {
            var raw = optional(name);
            if (raw.isEmpty()) {
                return defaultValue;
            }
            try {
                float value = Float.parseFloat(raw.get());
                if (Float.isNaN(value) || value < min || value > max) {
                    problems.add(name + " must be a number from " + plain(min) + " to " + plain(max)
                            + ", got '" + raw.get() + "'");
                }
                return value;
            } catch (NumberFormatException e) {
                problems.add(name + " must be a number from " + plain(min) + " to " + plain(max)
                        + ", got '" + raw.get() + "'");
                return defaultValue;
            }
        }

        /** A whole number from {@code min} to {@code max}; empty when the variable is not set. */
        OptionalInt wholeNumber(String name, int min, int max) {
            var raw = optional(name);
            if (raw.isEmpty()) {
                return OptionalInt.empty();
            }
            try {
                int value = Integer.parseInt(raw.get());
                if (value >= min && value <= max) {
                    return OptionalInt.of(value);
                }
            } catch (NumberFormatException notWhole) {
                // named below, as an out-of-range value is
            }
            problems.add(name + " must be a whole number from " + min + " to " + max + ", got '" + raw.get() + "'");
            return OptionalInt.empty();
        }

        boolean bool(String name, boolean defaultValue) {
            var raw = optional(name);
            if (raw.isEmpty()) {
                return defaultValue;
            }
            return switch (raw.get().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> {
                    problems.add(name + " must be true or false, got '" + raw.get() + "'");
                    yield defaultValue;
                }
            };
        }

        Mode mode(String name) {
            var raw = optional(name);
            if (raw.isEmpty()) {
                return Mode.MATCH;
            }
            var written = raw.get().toUpperCase(Locale.ROOT);
            if (written.equals(FORMER_NAME_OF_MATCH)) {
                return Mode.MATCH;
            }
            try {
                return Mode.valueOf(written);
            } catch (IllegalArgumentException e) {
                problems.add(name + " must be MATCH or DETECT_ONLY (or VERIFY, MATCH's former name), got '" + raw.get() + "'");
                return Mode.MATCH;
            }
        }

        AwsAccess awsAccess() {
            return awsAccess(credentials());
        }

        AwsAccess awsAccess(AwsAccess.Credentials credentials) {
            String region = required("AWS_REGION");
            var endpoints = new AwsAccess.Endpoints(
                    uri("AWS_ENDPOINT_URL_S3"),
                    uri("AWS_ENDPOINT_URL_DYNAMODB"),
                    uri("AWS_ENDPOINT_URL_REKOGNITION"),
                    uri("AWS_ENDPOINT_URL_KMS"),
                    uri("AWS_ENDPOINT_URL_SNS"));
            return new AwsAccess(region, credentials, endpoints);
        }

        private AwsAccess.Credentials credentials() {
            if (optional("AWS_CONTAINER_CREDENTIALS_FULL_URI").isPresent()) {
                return new AwsAccess.Credentials.Container();
            }
            var accessKey = optional("AWS_ACCESS_KEY_ID");
            var secretKey = optional("AWS_SECRET_ACCESS_KEY");
            if (accessKey.isEmpty() || secretKey.isEmpty()) {
                problem("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_CONTAINER_CREDENTIALS_FULL_URI) "
                        + "are required; Lambda sets them from the execution role");
                return new AwsAccess.Credentials.Environment("", "", Optional.empty());
            }
            return new AwsAccess.Credentials.Environment(accessKey.get(), secretKey.get(), optional("AWS_SESSION_TOKEN"));
        }

        /** The KMS asymmetric key (ECC_NIST_P256, SIGN_VERIFY) that signs every item: unsigned evidence is not an option. */
        String signingKeyArn() {
            return kmsKeyArn("SIGNING_KEY_ARN");
        }

        String kmsKeyArn(String name) {
            String arn = required(name);
            if (arn != null && !arn.matches(KMS_KEY_ARN)) {
                problems.add(name + " must be a single-Region KMS key ARN such as "
                        + "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab, got '" + arn + "'");
            }
            return arn;
        }

        String snsTopicArn(String name) {
            String arn = required(name);
            if (arn != null && !arn.matches("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}")) {
                problems.add(name + " must be an SNS topic ARN such as arn:aws:sns:eu-west-1:123456789012:alerts, got '"
                        + arn + "'");
            }
            return arn;
        }

        Optional<URI> uri(String name) {
            var raw = optional(name);
            if (raw.isEmpty()) {
                return Optional.empty();
            }
            try {
                URI uri = URI.create(raw.get());
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new IllegalArgumentException("no scheme or host");
                }
                return Optional.of(uri);
            } catch (IllegalArgumentException e) {
                problems.add(name + " must be a URL such as http://127.0.0.1:9000, got '" + raw.get() + "'");
                return Optional.empty();
            }
        }

        void problem(String message) {
            problems.add(message);
        }

        void failIfAnyProblem() {
            if (!problems.isEmpty()) {
                throw new ConfigurationException("Invalid configuration: " + String.join("; ", problems));
            }
        }

        private static String plain(float value) {
            return value == (long) value ? Long.toString((long) value) : Float.toString(value);
        }
    }
}
