package org.openamr.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openamr.mbus.DecodeException;
import org.openamr.mbus.TelegramCodec;
import org.openamr.mbus.link.FrameCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding throughput over the 76 libmbus wired test frames. Each invocation decodes the whole
 * corpus once and counts as {@value #FRAMES} operations, so the score is frames per second on one
 * thread (one core). {@link #telegram} is the full decode (link and application layer, every data
 * record); {@link #linkLayer} only checks and splits the frame, the reference that shows what the
 * application layer costs. A frame that throws {@link DecodeException} counts as decoded: the
 * exception is consumed like a result.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
public class DecodeBenchmark {

    /** Frames in {@value #CORPUS}; a constant because {@link OperationsPerInvocation} needs one. */
    static final int FRAMES = 76;

    static final String CORPUS = "/libmbus-frames.txt";

    private byte[][] frames;

    @Setup(Level.Trial)
    public void load() {
        List<byte[]> loaded = readCorpus();
        if (loaded.size() != FRAMES) {
            throw new IllegalStateException(CORPUS + " has " + loaded.size() + " frames, expected " + FRAMES
                    + ": update DecodeBenchmark.FRAMES");
        }
        frames = loaded.toArray(new byte[0][]);
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public void telegram(Blackhole bh) {
        for (byte[] frame : frames) {
            try {
                bh.consume(TelegramCodec.decode(frame));
            } catch (DecodeException e) {
                bh.consume(e);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public void linkLayer(Blackhole bh) {
        for (byte[] frame : frames) {
            try {
                bh.consume(FrameCodec.decode(frame));
            } catch (DecodeException e) {
                bh.consume(e);
            }
        }
    }

    /** One frame a line as hex; blank lines and lines starting with {@code #} are skipped. */
    static List<byte[]> readCorpus() {
        InputStream in = DecodeBenchmark.class.getResourceAsStream(CORPUS);
        if (in == null) {
            throw new IllegalStateException("resource " + CORPUS + " not on the class path");
        }
        List<byte[]> result = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    result.add(HexFormat.of().parseHex(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }
}
