package org.openamr.collector.output.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.openamr.collector.delivery.Batch;
import org.openamr.collector.delivery.DeliveryException;
import org.openamr.collector.delivery.Output;
import org.openamr.collector.readout.ReadoutJson;

/**
 * Each batch as a JSON file {@code <dir>/<collector>_<output>_<sequence>.json}, for local archiving or a
 * folder another program picks up. Written under a temporary name, forced to disk, renamed atomically and
 * the folder forced too: a reader never sees half a file, and a batch sent again after a crash lands on
 * the same name (it replaces the identical file), so the folder holds each readout once.
 */
public final class FileOutput implements Output {

    /** @param dir where the files go; created when missing */
    public record Settings(String dir) {
        public Settings {
            if (dir == null || dir.isBlank()) {
                throw new IllegalArgumentException("'dir' (the folder the files go to) is missing");
            }
        }
    }

    private final String name;
    private final String collector;
    private final Path dir;

    public FileOutput(String name, String collector, Settings settings) {
        this(name, collector, Path.of(settings.dir()));
    }

    public FileOutput(String name, String collector, Path dir) {
        this.name = name;
        this.collector = collector;
        this.dir = dir;
    }

    @Override
    public String name() {
        return name;
    }

    public Path fileOf(long sequence) {
        return dir.resolve(collector + "_" + name + "_" + sequence + ".json");
    }

    @Override
    public void deliver(Batch batch) throws DeliveryException {
        Path target = fileOf(batch.sequence());
        Path temp = dir.resolve("." + target.getFileName() + ".tmp");
        try {
            Files.createDirectories(dir);
            byte[] bytes = ReadoutJson.write(batch).getBytes(StandardCharsets.UTF_8);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new DeliveryException(DeliveryException.Kind.REFUSED, "folder " + dir + " cannot rename atomically", e);
            }
            forceDirectory();
        } catch (IOException e) {
            // A full disk or a folder we may not write may pass: try again later (or the backup).
            throw new DeliveryException(DeliveryException.Kind.RETRYABLE, "cannot write " + target + ": " + e, e);
        }
    }

    /** The rename is durable only once the folder's entry is on disk (POSIX); where a folder cannot be opened, skip. */
    private void forceDirectory() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // e.g. Windows: folders cannot be opened; the rename is as durable as the platform makes it
        }
    }

    @Override
    public String toString() {
        return "file output " + name + " → " + dir;
    }
}
