package org.openamr.cli.listen;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openamr.cli.Choices;
import org.openamr.cli.output.Language;
import org.openamr.wmbus.keys.KeysFile;
import org.openamr.acquisition.radio.Listening;
import org.openamr.acquisition.radio.MergedReceivers;
import org.openamr.acquisition.radio.RadioReceiver;
import org.openamr.acquisition.radio.RadioReceivers;
import org.openamr.acquisition.radio.Reception;
import org.openamr.acquisition.radio.ReceiverAddress;
import org.openamr.wmbus.WirelessDecoder;
import org.openamr.wmbus.keys.AesKey;
import org.openamr.wmbus.keys.KeyStore;
import org.openamr.wmbus.receiver.LinkMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code openamr listen}: wireless M-Bus telegrams live from a receiver, decoded, and the meters heard. */
@Command(name = "listen", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Listen to wireless M-Bus meters through a receiver: print each telegram decoded as it is heard,"
                + " and at the end (of a file or stdin, or Ctrl-C) the meters heard and the counts.",
                "Приём беспроводных счётчиков M-Bus через приёмник: каждая телеграмма расшифровывается по мере"
                + " приёма, в конце (файла, stdin или по Ctrl-C) выводятся услышанные счётчики и итоги.",
                "RECEIVER: rtl-wmbus:stdin | rtl-wmbus:tcp:HOST:PORT | im871a:DEVICE | amb8465:DEVICE | replay:FILE"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every telegram decoded", "1:some telegram or input could not be decoded",
                "2:usage error, or a receiver could not be opened or failed"})
public final class ListenCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "RECEIVER",
            description = "Where telegrams come from; several receivers are heard together (duplicates dropped).")
    List<String> receivers;

    @Option(names = "--mode", paramLabel = "t1|c1|s1", converter = Choices.LinkModes.class,
            description = "A dongle (im871a, amb8465) is set to this mode; from rtl-wmbus and replay files telegrams"
                    + " of other modes are set aside. Default: the dongle's mode, every mode.")
    LinkMode mode;

    @Option(names = "--json", description = "One JSON object per line: per telegram as decode --json, plus"
            + " receivedAt, receiver, mode, rssiDbm; at the end {\"summary\": …}.")
    boolean json;

    @Option(names = "--key", paramLabel = "KEY", description = "AES-128 key (32 hex digits) for any meter without"
            + " a key of its own.")
    String key;

    @Option(names = "--keys", paramLabel = "FILE", description = "Meter keys, one a line: MANUFACTURER ID KEY"
            + " (e.g. DFS 41494068 000102…0F); # comments.")
    Path keysFile;

    @Option(names = "--paced", description = "Replay files: wait between telegrams as their time stamps say"
            + " (default: as fast as possible).")
    boolean paced;

    @Option(names = "--window", paramLabel = "SECONDS", description = "The same telegram heard again within this"
            + " many seconds is a duplicate (default ${DEFAULT-VALUE}).")
    long windowSeconds = 30;

    @Option(names = "--lang", paramLabel = "en|ru", description = "Language of the tables (default: from the system locale).")
    Language lang = Language.ofSystem();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Optional<LinkMode> linkMode = Optional.ofNullable(mode);
        if (windowSeconds < 0) {
            throw new IllegalArgumentException("--window must be 0 or more seconds, got " + windowSeconds);
        }
        KeyStore keys = keys();
        List<ReceiverAddress> addresses = receivers.stream().map(ReceiverAddress::parse).toList();
        Listening listening = new Listening(new WirelessDecoder(keys), linkMode, Duration.ofSeconds(windowSeconds));
        ListenOutput output = new ListenOutput(spec.commandLine().getOut(), json, lang.russian());
        try (RadioReceiver source = open(addresses, linkMode)) {
            return listen(source, listening, output);
        }
    }

    private KeyStore keys() throws IOException {
        KeyStore keys = KeyStore.publicDefaults();
        if (keysFile != null) {
            keys = KeysFile.read(keysFile, keys);
        }
        if (key != null) {
            try {
                keys = keys.withKeyForAnyMeter(AesKey.parse(key));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--key: " + e.getMessage(), e);
            }
        }
        return keys;
    }

    private RadioReceiver open(List<ReceiverAddress> addresses, Optional<LinkMode> mode) throws IOException {
        List<RadioReceiver> opened = new ArrayList<>();
        try {
            for (ReceiverAddress a : addresses) {
                opened.add(RadioReceivers.open(a, mode, paced, Clock.systemUTC()));
            }
        } catch (IOException | RuntimeException e) {
            opened.forEach(RadioReceiver::close);
            throw e;
        }
        return opened.size() == 1 ? opened.get(0) : new MergedReceivers(opened);
    }

    /** Reads until the input ends or Ctrl-C; the summary is printed once, by whichever comes first. */
    private int listen(RadioReceiver source, Listening listening, ListenOutput output) throws IOException {
        AtomicBoolean summarized = new AtomicBoolean();
        Runnable summary = () -> {
            if (summarized.compareAndSet(false, true)) {
                output.summary(listening.counts(), listening.meters().list());
            }
        };
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            source.close();
            try {
                finished.await(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            summary.run(); // stdin may not give up its read: the summary is printed from here then
        }, "openamr-listen-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            for (Reception r = source.next(); r != null; r = source.next()) {
                output.event(listening.accept(r));
            }
        } finally {
            summary.run();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is running and returns now
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        long errors = listening.counts().errorCount();
        if (errors > 0 && !json) {
            err.println("openamr listen: " + errors + " telegram(s) or input line(s) could not be decoded");
        }
        return errors > 0 ? 1 : 0;
    }
}
