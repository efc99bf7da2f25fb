package org.openamr.cli.decode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.openamr.cli.output.Language;
import org.openamr.cli.output.TelegramJson;
import org.openamr.cli.output.TelegramTable;
import org.openamr.wmbus.WirelessDecoder;
import org.openamr.wmbus.keys.KeyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code openamr decode}: M-Bus telegrams from hex to a table or JSON. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Decode wired and wireless M-Bus telegrams given as hex (argument, stdin or a batch file).",
                "Wired frames start with 68, 10 or E5; anything else is a wireless telegram from its L-field on,",
                "with or without its block CRCs.",
                "Расшифровка телеграмм M-Bus (проводных и беспроводных) из шестнадцатеричной записи."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every telegram decoded", "1:a telegram could not be decoded (or only its headers: no key)",
                "2:usage or I/O error"})
public final class DecodeCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "HEX",
            description = "Telegram as hex digits; spaces allowed. Read from stdin when absent.")
    List<String> hex;

    @Option(names = "--json", description = "One JSON object per telegram (see shared/conformance/README.md).")
    boolean json;

    @Option(names = "--batch", paramLabel = "FILE",
            description = "Decode every line of FILE ('HEX' or 'HEX KEY'; '-' for stdin); blank lines and # comments are skipped.")
    Path batch;

    @Option(names = "--key", paramLabel = "KEY",
            description = "AES-128 key (32 hex digits) of the wireless telegram given as argument or on stdin; "
                    + "in --batch files a line's key follows its telegram.")
    String key;

    @Option(names = "--lang", paramLabel = "en|ru", description = "Language of labels in the table (default: from the system locale).")
    Language lang = Language.ofSystem();

    @Spec
    CommandSpec spec;

    private final JsonMapper mapper = JsonMapper.builder().build();

    /** One decoder for all inputs: compact frames decode after a full frame of their meter. */
    private final WirelessDecoder wireless = new WirelessDecoder(KeyStore.publicDefaults());

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (batch != null) {
            return batch(out);
        }
        String text = hex != null && !hex.isEmpty() ? String.join("", hex) : readStdin();
        DecodeOutcome outcome;
        try {
            outcome = DecodeOutcome.of(TelegramInput.parseHex(text, key), wireless);
        } catch (TelegramInput.BadHexException e) {
            outcome = new DecodeOutcome.Failed("input", e.getMessage(), e.position());
        }
        if (outcome instanceof DecodeOutcome.Failed f && !json) {
            spec.commandLine().getErr().println("openamr decode: " + f.describe());
        } else {
            print(out, outcome);
        }
        return outcome.succeeded() ? 0 : 1;
    }

    private int batch(PrintWriter out) throws IOException {
        List<String> lines;
        try {
            lines = "-".equals(batch.toString()) ? readStdin().lines().toList()
                    : Files.readAllLines(batch, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException("batch file " + batch + " does not exist");
        }
        int failed = 0;
        int lineNumber = 0;
        for (String line : lines) {
            lineNumber++;
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            DecodeOutcome outcome;
            try {
                outcome = DecodeOutcome.of(TelegramInput.parseLine(line), wireless);
            } catch (TelegramInput.BadHexException e) {
                outcome = new DecodeOutcome.Failed("input", "line " + lineNumber + ": " + e.getMessage(), e.position());
            }
            if (!outcome.succeeded()) {
                failed++;
            }
            if (!json) {
                out.println("── line " + lineNumber);
            }
            print(out, outcome);
        }
        out.flush();
        if (failed > 0 && !json) {
            spec.commandLine().getErr().println("openamr decode: " + failed + " of the telegrams could not be decoded");
        }
        return failed > 0 ? 1 : 0;
    }

    private void print(PrintWriter out, DecodeOutcome outcome) {
        if (json) {
            out.println(mapper.writeValueAsString(outcome instanceof DecodeOutcome.Failed f
                    ? TelegramJson.failure(f.kind(), f.message(), f.offset())
                    : outcome instanceof DecodeOutcome.DecodedWireless w ? TelegramJson.wireless(w.telegram())
                    : TelegramJson.telegram(((DecodeOutcome.Decoded) outcome).telegram())));
        } else if (outcome instanceof DecodeOutcome.Failed f) {
            out.println("error: " + f.describe());
        } else if (outcome instanceof DecodeOutcome.DecodedWireless w) {
            out.print(TelegramTable.wireless(w.telegram(), lang.russian()));
        } else {
            out.print(TelegramTable.telegram(((DecodeOutcome.Decoded) outcome).telegram(), lang.russian()));
        }
        out.flush();
    }

    private static String readStdin() throws IOException {
        StringBuilder sb = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }
}
