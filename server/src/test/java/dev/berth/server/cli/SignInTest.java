package dev.berth.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.server.Main;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/** How the management commands find the server and sign in, and what every command promises in its help. */
class SignInTest {
    @RegisterExtension
    static final RunningBerth berth = new RunningBerth();

    private static final Set<String> NOT_MANAGEMENT =
            Set.of("serve", "verify-config", "login", "rotate-signing-key", "help", "completion");

    @Test
    void theVariablesSignInWithoutASavedConfiguration() {
        Cli.Result list = berth.cli().ok("list");

        assertTrue(list.lines().getFirst().startsWith("NAME     SKU    LOGIN SERVER"), list::describe);
        assertTrue(list.rows().stream().anyMatch(row -> row.getFirst().equals("default")), list::describe);
        assertEquals("", list.err());
    }

    @Test
    void loginSavesTheSignInReadableByTheOwnerOnlyAndTheCommandsUseIt() throws IOException {
        Cli cli = Cli.unsignedIn();

        Cli.Result login = cli.ok(
                "login",
                berth.address(),
                "-u",
                "admin",
                "-p",
                RunningBerth.ADMIN_PASSWORD,
                "--insecure",
                "--config-file",
                cli.configDir().resolve("docker.json").toString());

        Path saved = cli.configDir().resolve("cli.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(saved)));
        assertTrue(Files.readString(saved).contains("\"server\": \"http://" + berth.address() + "\""));
        assertTrue(login.err().contains("saved the sign-in"), login::describe);
        assertEquals("default", cli.ok("show", "-o", "tsv").out().split("\t")[0]);
    }

    @Test
    void aSavedFileOthersMayReadStillWorksButIsWarnedAbout() throws IOException {
        Cli cli = Cli.unsignedIn();
        cli.ok(
                "login",
                berth.address(),
                "-u",
                "admin",
                "-p",
                RunningBerth.ADMIN_PASSWORD,
                "--insecure",
                "--config-file",
                cli.configDir().resolve("docker.json").toString());
        Files.setPosixFilePermissions(
                cli.configDir().resolve("cli.json"), PosixFilePermissions.fromString("rw-r--r--"));

        Cli.Result list = cli.ok("list");

        assertTrue(list.err().contains("others may read it; chmod 600 it"), list::describe);
    }

    @Test
    void theVariablesReplaceTheSavedCredentials() {
        Cli cli = Cli.unsignedIn();
        cli.ok(
                "login",
                berth.address(),
                "-u",
                "admin",
                "-p",
                RunningBerth.ADMIN_PASSWORD,
                "--insecure",
                "--config-file",
                cli.configDir().resolve("docker.json").toString());

        Cli.Result wrong = cli.as("admin", "not-the-password").run("list");

        assertEquals(3, wrong.exit(), wrong::describe);
    }

    @Test
    void withoutASignInTheCommandsExitWith3AndSayHowToSignIn() {
        Cli.Result list = Cli.unsignedIn().run("list");

        assertEquals(3, list.exit(), list::describe);
        assertEquals("", list.out());
        assertTrue(list.err().startsWith("berth list: not signed in: run 'berth login"), list::describe);
    }

    @Test
    void aServerWithoutCredentialsInTheVariablesExitsWith3() {
        Cli.Result list = Cli.unsignedIn()
                .with("BERTH_SERVER", "http://" + berth.address())
                .run("list");

        assertEquals(3, list.exit(), list::describe);
        assertTrue(list.err().contains("set BERTH_USERNAME and BERTH_PASSWORD"), list::describe);
    }

    @Test
    void wrongCredentialsExitWith3WithTheServersMessageOnStandardError() {
        Cli.Result list = berth.cli().as("admin", "wrong-password").run("list");

        assertEquals(3, list.exit(), list::describe);
        assertEquals("", list.out());
        assertTrue(list.err().contains("(Unauthorized)"), list::describe);
    }

    @Test
    void anUnreachableServerExitsWith1AndSaysWhy() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        Cli.Result list =
                Cli.signedIn("http://127.0.0.1:" + closed, "admin", "x").run("list");

        assertEquals(1, list.exit(), list::describe);
        assertTrue(
                list.err().contains("cannot reach http://127.0.0.1:" + closed + ": connection refused"),
                list::describe);
    }

    @Test
    void withoutASchemeAndWithInsecureThePlainServerIsFoundAfterHttps() {
        Cli cli = Cli.signedIn(berth.address(), "admin", RunningBerth.ADMIN_PASSWORD);

        assertEquals(1, cli.run("list").exit(), "verified HTTPS only, and Berth speaks plain HTTP here");
        assertEquals(0, cli.run("list", "--insecure").exit());
        assertEquals(0, cli.with("BERTH_INSECURE", "true").run("list").exit());
    }

    @Test
    void wrongUsageExitsWith2() {
        Cli.Result noSku = berth.cli().run("create", "-n", "someregistry");

        assertEquals(2, noSku.exit(), noSku::describe);
        assertTrue(noSku.err().contains("Missing required option: '--sku"), noSku::describe);
        assertEquals(
                2,
                berth.cli().run("create", "-n", "someregistry", "--sku", "Gold").exit());
        assertEquals(2, berth.cli().run("list", "-o", "yaml").exit());
    }

    @Test
    void everyManagementCommandHasExamplesAndTheExitCodesInItsHelp() {
        List<CommandLine> leaves = new ArrayList<>();
        collectLeaves(Main.command(CommandLine.defaultFactory()), leaves);

        assertTrue(leaves.size() >= 40, "found only " + leaves.size());
        for (CommandLine leaf : leaves) {
            String help = leaf.getUsageMessage(CommandLine.Help.Ansi.OFF);
            assertTrue(help.contains("Examples:"), leaf.getCommandName() + ":\n" + help);
            assertTrue(help.contains("6   conflict or quota"), leaf.getCommandName() + ":\n" + help);
            String examples = help.substring(help.indexOf("Examples:") + "Examples:".length())
                    .strip();
            assertTrue(
                    examples.lines().allMatch(line -> line.startsWith("berth ") || line.startsWith("  ")),
                    "an example wrapped: " + leaf.getCommandName() + ":\n" + help);
        }
    }

    @Test
    void helpOnAGroupListsItsCommands() {
        Cli.Result help = Cli.unsignedIn().ok("token", "--help");

        assertTrue(help.out().contains("credential"), help::describe);
        assertTrue(help.out().contains("create"), help::describe);
    }

    @Test
    void completionPrintsABashScriptThatKnowsTheCommands() {
        Cli.Result bash = Cli.unsignedIn().ok("completion", "bash");

        assertTrue(bash.out().startsWith("#!/usr/bin/env bash"), bash::describe);
        assertTrue(bash.out().contains("scope-map"), "the script completes subcommands");
        assertTrue(bash.out().contains("--admin-enabled"), "and options");
        assertEquals(2, Cli.unsignedIn().run("completion", "fish").exit());
    }

    private static void collectLeaves(CommandLine command, List<CommandLine> leaves) {
        for (CommandLine sub : command.getSubcommands().values()) {
            if (command.getParent() == null && NOT_MANAGEMENT.contains(sub.getCommandName())) {
                continue;
            }
            if (sub.getSubcommands().isEmpty()) {
                leaves.add(sub);
            } else {
                collectLeaves(sub, leaves);
            }
        }
    }
}
