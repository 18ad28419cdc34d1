package com.biometriclogger.local.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * README.md's two commands are the ones that run elsewhere as written: the main job is the first two
 * commands of docs/local.md, which DocCommandsIT runs, and the test command is the one .ci/run
 * executes. So the front page cannot drift from what is tested.
 */
class ReadmeTest {

    @Test
    void theTwoCommandsAreTheOnesTheLocalPageAndCiRun() throws IOException {
        List<String> readme = DocBlocks.commands(Path.of("README.md"), "## The two commands");
        assertEquals(2, readme.size(), "the main job and the tests: " + readme);

        List<String> local = DocBlocks.commands(DocCommandsIT.LOCAL_PAGE, DocCommandsIT.LOCAL_SECTION);
        assertEquals(local.subList(0, 2), List.of(readme.get(0).split(" && ")),
                "README's main job is docs/local.md's build and demo, which DocCommandsIT runs");

        List<String> ci = Files.readAllLines(Path.of(".ci/run"));
        assertTrue(ci.contains("exec " + readme.get(1)), "README's test command is what .ci/run executes: " + readme.get(1));
    }
}
