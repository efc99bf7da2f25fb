package org.openamr.collector.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openamr.collector.output.file.FileOutput;
import org.openamr.collector.output.ftp.FtpOutput;
import org.openamr.collector.output.mail.MailOutput;
import org.openamr.collector.output.mqtt.MqttOutput;
import org.openamr.collector.output.server.OpenAmrServerOutput;
import org.openamr.collector.output.sftp.SftpOutput;
import org.openamr.collector.output.solvimus.SolvimusXmlOutput;

/**
 * The output types the configuration may name: per type, the record its {@code settings:} are bound to
 * (unknown keys refused, the record's constructor checks the values) and how an output is made from it.
 * Adding a type is one line in {@link #BUILT_IN}.
 */
public final class OutputTypes {

    /** Makes one configured output. */
    @FunctionalInterface
    public interface Factory<S> {
        Output create(String name, String collectorId, S settings) throws Exception;
    }

    public record Type<S>(String name, Class<S> settings, Factory<S> factory) {

        /** @param settings an instance of {@link #settings()}, as bound from the configuration */
        public Output create(String outputName, String collectorId, Object settings) throws Exception {
            return factory.create(outputName, collectorId, this.settings.cast(settings));
        }
    }

    private static final List<Type<?>> BUILT_IN = List.of(
            new Type<>("file", FileOutput.Settings.class, FileOutput::new),
            new Type<>("server", OpenAmrServerOutput.Settings.class, OpenAmrServerOutput::new),
            new Type<>("solvimus", SolvimusXmlOutput.Settings.class, SolvimusXmlOutput::new),
            new Type<>("ftp", FtpOutput.Settings.class, FtpOutput::new),
            new Type<>("sftp", SftpOutput.Settings.class, SftpOutput::new),
            new Type<>("mail", MailOutput.Settings.class, MailOutput::new),
            new Type<>("mqtt", MqttOutput.Settings.class, MqttOutput::new)
    );

    private final Map<String, Type<?>> types = new LinkedHashMap<>();

    private OutputTypes(List<Type<?>> types) {
        types.forEach(t -> this.types.put(t.name(), t));
    }

    public static OutputTypes builtIn() {
        return new OutputTypes(BUILT_IN);
    }

    /** These types and one more (tests register a destination of their own this way). */
    public OutputTypes with(Type<?> type) {
        OutputTypes more = new OutputTypes(List.copyOf(types.values()));
        more.types.put(type.name(), type);
        return more;
    }

    public Optional<Type<?>> find(String name) {
        return Optional.ofNullable(types.get(name));
    }

    public List<String> names() {
        return List.copyOf(types.keySet());
    }
}
