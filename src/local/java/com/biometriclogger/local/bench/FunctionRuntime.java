package com.biometriclogger.local.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a function the way Lambda does: a fresh JVM running the real runtime interface client on
 * the given class path, with Lambda's JVM flags, polling a {@link RuntimeApiServer}.
 */
final class FunctionRuntime {

    static final String OURS = "com.biometriclogger.handler.DecisionHandler::handleRequest";
    static final String MARKED = "com.biometriclogger.local.bench.MarkedHandler::handleRequest";
    static final String HELLO = "com.biometriclogger.local.bench.HelloHandler::handleRequest";
    private static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private final Map<String, String> environment;
    private final Path logs;
    private final boolean inheritsShell;

    /** The function gets this JVM's environment with {@code environment} over it. */
    FunctionRuntime(Map<String, String> environment, Path logs) {
        this(environment, logs, true);
    }

    private FunctionRuntime(Map<String, String> environment, Path logs, boolean inheritsShell) {
        this.environment = environment;
        this.logs = logs;
        this.inheritsShell = inheritsShell;
    }

    /** The function gets {@code environment} and the Runtime API's address, nothing of this JVM's (as in a container). */
    static FunctionRuntime withExactly(Map<String, String> environment, Path logs) {
        return new FunctionRuntime(environment, logs, false);
    }

    /**
     * Lambda's java21+ flags, with the heap Lambda gives a function of that memory size (about 85 %).
     * {@code MaxRAM} stands in for the sandbox's memory: a Lambda JVM sizes its initial heap (and so
     * how much it touches before the first collection) from the memory setting, and without it this
     * JVM would size it from the host's RAM and report a peak RSS no function would reach.
     */
    static List<String> lambdaFlags(int megabytes) {
        return List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-XX:MaxRAM=" + megabytes + "m", "-Xmx" + (megabytes * 85 / 100) + "m");
    }

    /** The runtime client's own class path entries, found where this JVM loaded them from. */
    static String runtimeClientJars() throws Exception {
        List<String> jars = new ArrayList<>();
        for (String type : List.of(RIC_MAIN, "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer",
                "com.amazonaws.services.lambda.runtime.Context")) {
            jars.add(Path.of(Class.forName(type).getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(java.io.File.pathSeparator, jars);
    }

    Process start(Jdk jdk, String classpath, String handler, List<String> flags, RuntimeApiServer api, String logName,
                  Map<String, String> extraEnvironment) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        command.addAll(flags);
        command.addAll(List.of("-cp", classpath, RIC_MAIN, handler));
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(logName + ".log").toFile());
        var env = builder.environment();
        if (!inheritsShell) {
            env.clear();
        }
        env.putAll(environment);
        env.putAll(extraEnvironment);
        env.put("AWS_LAMBDA_RUNTIME_API", api.address());
        env.putIfAbsent("AWS_LAMBDA_FUNCTION_NAME", "bench");
        env.putIfAbsent("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.putIfAbsent("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("_HANDLER", handler);
        if (inheritsShell) {
            env.putIfAbsent("LOG_LEVEL", "INFO");
        }
        return builder.start();
    }
}
