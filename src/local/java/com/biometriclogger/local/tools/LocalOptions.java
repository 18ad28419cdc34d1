package com.biometriclogger.local.tools;

import com.biometriclogger.local.stack.LocalStack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The local main job's command line (its usage is {@link LocalMain#USAGE}), parsed strictly. */
record LocalOptions(Mode mode, Path dataDir, LocalInvoke.Request invoke, LocalStack.Ports ports, boolean detectOnly) {

    enum Mode { DEMO, SERVE, INVOKE, SEAL }

    static final LocalStack.Ports SERVE_PORTS = new LocalStack.Ports(9000, 8000, 9100, 9200, 9300);

    static LocalOptions parse(String[] args) {
        Mode mode = Mode.DEMO;
        Path dataDir = null;
        List<Path> eventFiles = new ArrayList<>();
        String key = null;
        String bucket = null;
        LocalStack.Ports ports = SERVE_PORTS;
        boolean detectOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--serve" -> mode = Mode.SERVE;
                case "invoke" -> mode = Mode.INVOKE;
                case "seal" -> mode = Mode.SEAL;
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir"));
                case "-e", "--event" -> {
                    eventFiles.add(Path.of(value(args, ++i, "-e")));
                    // `-e events/*.json`: the shell's expansion, every file up to the next option.
                    while (i + 1 < args.length && !args[i + 1].startsWith("-")) {
                        eventFiles.add(Path.of(args[++i]));
                    }
                }
                case "--key" -> key = value(args, ++i, "--key");
                case "--bucket" -> bucket = value(args, ++i, "--bucket");
                case "--ports" -> ports = ports(value(args, ++i, "--ports"));
                case "--detect-only" -> detectOnly = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (mode == Mode.INVOKE && eventFiles.isEmpty() == (key == null)) {
            throw new IllegalArgumentException("invoke needs -e EVENT.json or --key KEY (one of them)");
        }
        if (mode == Mode.SEAL && args.length > 1) {
            throw new IllegalArgumentException("seal takes no arguments: it seals the stack the exports name");
        }
        if (mode != Mode.INVOKE && (!eventFiles.isEmpty() || key != null || bucket != null)) {
            throw new IllegalArgumentException("-e, --key and --bucket go with invoke");
        }
        return new LocalOptions(mode, dataDir, new LocalInvoke.Request(eventFiles, key, bucket), ports, detectOnly);
    }

    private static LocalStack.Ports ports(String value) {
        String[] parts = value.split(",", -1);
        try {
            if (parts.length == 5) {
                return new LocalStack.Ports(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()),
                        Integer.parseInt(parts[2].trim()), Integer.parseInt(parts[3].trim()), Integer.parseInt(parts[4].trim()));
            }
        } catch (NumberFormatException e) {
            // Reported below with the expected form.
        }
        throw new IllegalArgumentException("--ports takes five port numbers S3,DYNAMODB,REKOGNITION,KMS,SNS, got " + value);
    }

    private static String value(String[] args, int index, String flag) {
        if (index >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[index];
    }
}
