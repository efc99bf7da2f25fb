package org.openamr.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian package this build made, installed by dpkg as on a server, but into a throwaway root: dpkg runs the
 * maintainer scripts without chroot and tells them the root (DPKG_ROOT), so the machine's own users, files and dpkg
 * database stay as they were. The root holds a dpkg database that knows a Java runtime and passwd, as Debian 12 has
 * them, and a user database with root alone; the unit checks need systemd's targets, copied from this machine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackageInstallIT {

    private static final String VERSION = System.getProperty("openamr.version", "0.1.0-SNAPSHOT");
    /** jdeb's Debian version of a snapshot: sorts before the release of the same number. */
    private static final String DEB_VERSION = VERSION.replace("-SNAPSHOT", "~SNAPSHOT");
    private static final Path DEB = Path.of("target", "openamr_" + DEB_VERSION + "_all.deb").toAbsolutePath();
    private static final String[] UNITS = {"openamr-server.service", "openamr-collector.service"};
    /** Debian 12's default Java runtime: the package's dependency must accept it. */
    private static final String BOOKWORM_JAVA = "2:1.17-74";

    @TempDir
    static Path installed;

    private Path root;

    @BeforeAll
    void install() throws Exception {
        assumeThat(onPath("dpkg") && onPath("systemd-analyze"))
                .as("dpkg and systemd-analyze (Debian's systemd) are needed; CI installs them").isTrue();
        assumeThat(System.getProperty("user.name")).as("dpkg sets owners and modes as root does").isEqualTo("root");
        assertThat(DEB).as("the package this build made").isRegularFile();
        root = installed.resolve("root");
        prepare(root, BOOKWORM_JAVA);
        Result install = dpkg(root, "-i", DEB.toString());
        assertThat(install.exit()).as(install.output()).isZero();
    }

    @Test
    void theFilesTheUserAndTheConfigurationAreInstalledWithTheirOwnersAndModes() throws Exception {
        String[] user = passwd(root, "openamr");
        assertThat(user).as("openamr in /etc/passwd").isNotNull();
        int uid = Integer.parseInt(user[2]);
        int gid = Integer.parseInt(user[3]);
        assertThat(uid).as("a system user").isBetween(100, 999);
        assertThat(user[5]).isEqualTo("/var/lib/openamr");
        assertThat(user[6]).isEqualTo("/usr/sbin/nologin");
        assertThat(Files.readAllLines(root.resolve("etc/group"))).contains("openamr:x:" + gid + ":");

        assertMode("usr/share/openamr/openamr.jar", "rw-r--r--", 0, 0);
        assertMode("usr/bin/openamr", "rwxr-xr-x", 0, 0);
        assertMode("etc/openamr/server.conf", "rw-r-----", 0, gid);
        assertMode("etc/openamr/collector.conf", "rw-r-----", 0, gid);
        assertMode("var/lib/openamr", "rwxr-x---", uid, gid);
        for (String unit : UNITS) {
            assertMode("lib/systemd/system/" + unit, "rw-r--r--", 0, 0);
        }
        assertThat(root.resolve("usr/share/doc/openamr/operations.md")).isNotEmptyFile();
        assertThat(root.resolve("usr/share/doc/openamr/security.md")).isNotEmptyFile();
        assertThat(Files.size(root.resolve("usr/share/openamr/openamr.jar")))
                .isEqualTo(Files.size(Path.of("..", "cli", "target", "openamr.jar")));

        Result query = run(List.of("dpkg-query", "--admindir=" + root.resolve("var/lib/dpkg"), "-W",
                "-f=${Status} ${Version}\n${Conffiles}\n", "openamr"), Map.of());
        assertThat(query.output()).startsWith("install ok installed " + DEB_VERSION + "\n")
                .contains(" /etc/openamr/server.conf ", " /etc/openamr/collector.conf ");
    }

    @Test
    void systemdAcceptsBothUnitsAndTheirSandboxKeepsTheExposureLow() throws Exception {
        for (String unit : UNITS) {
            Path file = root.resolve("lib/systemd/system/" + unit);
            // verify exits 0 on an unknown key or a bad value and only says so: nothing at all may be said
            Result verify = run(List.of("systemd-analyze", "verify", "--root=" + root, file.toString()), Map.of());
            assertThat(verify.exit()).as(verify.output()).isZero();
            assertThat(verify.output()).as(unit).isEmpty();
            // 2.5 of systemd's 10: the options below make 1.9; dropping one of them goes above
            Result security = run(List.of("systemd-analyze", "security", "--offline=true", "--threshold=25",
                    "--root=" + root, file.toString()), Map.of());
            assertThat(security.exit()).as(security.output()).isZero();

            Map<String, String> service = section(file, "Service");
            assertThat(service).containsEntry("User", "openamr").containsEntry("Group", "openamr")
                    .containsEntry("Restart", "on-failure").containsEntry("NoNewPrivileges", "yes")
                    .containsEntry("ProtectSystem", "strict").containsEntry("ReadWritePaths", "/var/lib/openamr")
                    .containsEntry("ProtectHome", "yes").containsEntry("PrivateTmp", "yes")
                    .containsEntry("CapabilityBoundingSet", "");
            assertThat(service.get("ExecStart")).startsWith("/usr/bin/openamr ");
            assertThat(section(file, "Install")).containsEntry("WantedBy", "multi-user.target");
        }
        assertThat(section(root.resolve("lib/systemd/system/openamr-collector.service"), "Service").get("ExecStart"))
                .isEqualTo("/usr/bin/openamr collect --config /etc/openamr/collector.conf");
    }

    @Test
    void theInstalledLauncherRunsTheInstalledJarWithTheInstalledConfiguration() throws Exception {
        Path launcher = root.resolve("usr/bin/openamr");
        Result version = run(List.of(launcher.toString(), "--version"), Map.of());
        assertThat(version.output()).isEqualTo("openamr " + VERSION + "\n");

        Path collectorConf = root.resolve("etc/openamr/collector.conf");
        Result check = run(List.of(launcher.toString(), "collect", "--check", collectorConf.toString()), Map.of());
        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).contains("the configuration is valid");

        Properties shipped = new Properties();
        try (var in = Files.newBufferedReader(root.resolve("etc/openamr/server.conf"))) {
            shipped.load(in);
        }
        assertThat(shipped).containsEntry("server.port", "8080");

        // The server as its unit starts it (the unit's Environment= pointed into the root), on a database that is
        // not there: its HTTP port and the database URL it names come from server.conf, and the password next to
        // it is never shown.
        int closed = closedPort();
        int http = closedPort();
        String password = "db-Secret-" + ProcessHandle.current().pid();
        Files.writeString(root.resolve("etc/openamr/server.conf"), String.join("\n", "server.port=" + http,
                "spring.datasource.url=jdbc:postgresql://127.0.0.1:" + closed + "/openamr",
                "spring.datasource.username=openamr", "spring.datasource.password=" + password,
                "openamr.database.wait-at-start=0s", "spring.datasource.hikari.connection-timeout=1000", ""),
                StandardOpenOption.APPEND);
        Map<String, String> service = section(root.resolve("lib/systemd/system/openamr-server.service"), "Service");
        String[] environment = service.get("Environment").replace("/etc/openamr/", root + "/etc/openamr/").split("=", 2);
        Result server = run(List.of(launcher.toString(), "server", "--data-dir", installed.resolve("data").toString()),
                Map.of(environment[0], environment[1]));
        assertThat(server.exit()).as(server.output()).isEqualTo(2);
        assertThat(server.output()).contains("Tomcat initialized with port " + http, "the database at"
                + " jdbc:postgresql://127.0.0.1:" + closed + "/openamr could not be reached").doesNotContain(password);
    }

    @Test
    void aReinstallKeepsAnEditedConfigurationAndPurgeKeepsTheData(@TempDir Path other) throws Exception {
        Path r = other.resolve("root");
        prepare(r, BOOKWORM_JAVA);
        assertThat(dpkg(r, "-i", DEB.toString()).exit()).isZero();
        String[] user = passwd(r, "openamr");
        Path conf = r.resolve("etc/openamr/server.conf");
        Files.writeString(conf, "server.port=9090\n", StandardOpenOption.APPEND);
        Path key = r.resolve("var/lib/openamr/secret.key");
        Files.writeString(key, "a server key\n");

        // an upgrade to the same package: the edited conffile stays, no question asked, the user is not made again
        Result again = dpkg(r, "-i", DEB.toString());
        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(Files.readString(conf)).endsWith("server.port=9090\n");
        assertThat(passwd(r, "openamr")).isEqualTo(user);
        assertThat(Files.readAllLines(r.resolve("etc/passwd")).stream().filter(l -> l.startsWith("openamr:"))).hasSize(1);

        Result purge = dpkg(r, "--purge", "openamr");
        assertThat(purge.exit()).as(purge.output()).isZero();
        assertThat(purge.output()).contains("kept /var/lib/openamr");
        for (String gone : List.of("etc/openamr", "usr/share/openamr", "usr/bin/openamr",
                "lib/systemd/system/openamr-server.service", "lib/systemd/system/openamr-collector.service")) {
            assertThat(r.resolve(gone)).as(gone).doesNotExist();
        }
        assertThat(key).hasContent("a server key");
        assertThat(passwd(r, "openamr")).as("the owner of the kept data").isEqualTo(user);
    }

    @Test
    void aJavaOlderThan17IsRefused(@TempDir Path other) throws Exception {
        Path r = other.resolve("root");
        prepare(r, "2:1.11-72");
        Result install = dpkg(r, "-i", DEB.toString());
        assertThat(install.exit()).isNotZero();
        assertThat(install.output()).contains("openamr depends on default-jre-headless (>= 2:1.17)"
                + " | java17-runtime-headless");
        assertThat(passwd(r, "openamr")).as("not configured: no user made").isNull();
    }

    /** An empty machine for dpkg: its database, a user database with root alone, systemd's targets. */
    private static void prepare(Path root, String javaVersion) throws IOException {
        Path admin = root.resolve("var/lib/dpkg");
        Files.createDirectories(admin.resolve("info"));
        Files.createDirectories(admin.resolve("updates"));
        Files.writeString(admin.resolve("available"), "");
        StringBuilder status = new StringBuilder();
        for (String[] p : List.of(new String[] {"default-jre-headless", javaVersion},
                new String[] {"passwd", "1:4.13+dfsg1-1+b1"})) {
            status.append("Package: ").append(p[0]).append("\nStatus: install ok installed\nPriority: optional\n")
                    .append("Section: misc\nMaintainer: test\nArchitecture: all\nVersion: ").append(p[1])
                    .append("\nDescription: stands for the package of this name\n\n");
            Files.writeString(admin.resolve("info/" + p[0] + ".list"), "");
        }
        Files.writeString(admin.resolve("status"), status);
        Path etc = Files.createDirectories(root.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\n");
        Files.writeString(etc.resolve("shadow"), "root:*:19000:0:99999:7:::\n");
        Files.writeString(etc.resolve("gshadow"), "root:*::\n");
        Path units = Files.createDirectories(root.resolve("usr/lib/systemd/system"));
        try (Stream<Path> targets = Files.list(Path.of("/lib/systemd/system"))) {
            for (Path t : targets.filter(t -> t.getFileName().toString().endsWith(".target")).toList()) {
                Files.copy(t, units.resolve(t.getFileName()));
            }
        }
    }

    private static Result dpkg(Path root, String... arguments) {
        List<String> command = new ArrayList<>(List.of("dpkg", "--root=" + root, "--force-not-root",
                "--force-script-chrootless", "--force-confold"));
        command.addAll(List.of(arguments));
        return run(command, Map.of());
    }

    /** The fields of a user in the root's /etc/passwd, or null. */
    private static String[] passwd(Path root, String name) throws IOException {
        return Files.readAllLines(root.resolve("etc/passwd")).stream().filter(l -> l.startsWith(name + ":"))
                .map(l -> l.split(":", -1)).findFirst().orElse(null);
    }

    private void assertMode(String path, String mode, int uid, int gid) throws IOException {
        Path file = root.resolve(path);
        PosixFileAttributes a = Files.readAttributes(file, PosixFileAttributes.class);
        assertThat(PosixFilePermissions.toString(a.permissions())).as(path).isEqualTo(mode);
        assertThat(Files.getAttribute(file, "unix:uid")).as(path + " owner").isEqualTo(uid);
        assertThat(Files.getAttribute(file, "unix:gid")).as(path + " group").isEqualTo(gid);
    }

    /** A unit file's section as key to value (the last one of a key; comments and blank lines left out). */
    private static Map<String, String> section(Path unit, String name) throws IOException {
        Map<String, String> entries = new HashMap<>();
        String current = null;
        for (String line : Files.readAllLines(unit)) {
            String l = line.strip();
            if (l.startsWith("[")) {
                current = l.substring(1, l.length() - 1);
            } else if (name.equals(current) && !l.isEmpty() && !l.startsWith("#")) {
                String[] kv = l.split("=", 2);
                entries.put(kv[0], kv[1]);
            }
        }
        return entries;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }

    private record Result(int exit, String output) {
    }

    /** A command with its standard error merged into its output; two minutes at most. */
    private static Result run(List<String> command, Map<String, String> environment) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().putAll(environment);
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not end within two minutes");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
