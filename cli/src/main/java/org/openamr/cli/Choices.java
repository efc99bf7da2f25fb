package org.openamr.cli;

import java.util.function.Function;
import org.openamr.simulator.bus.IdScheme;
import org.openamr.simulator.radio.RadioSecurity;
import org.openamr.simulator.radio.TelegramLineFormat;
import org.openamr.wmbus.receiver.LinkMode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Options that take one of a fixed set of words, read into their enums as picocli parses the command line: a
 * wrong word is then a usage error before the command runs, said in one line that names the option and the
 * words it takes ({@link OpenAmr#commandLine()}). Where the enum's words are not its constants' names
 * ({@code --security 5}, {@code --format rtl-wmbus}), its own {@code parse} reads them.
 */
public final class Choices {

    private Choices() {
    }

    /** {@code --mode s1|t1|c1}. */
    public static final class LinkModes extends Words<LinkMode> {
        public LinkModes() {
            super(LinkMode::parse);
        }
    }

    /** {@code --security 5|7|mixed}. */
    public static final class Securities extends Words<RadioSecurity> {
        public Securities() {
            super(RadioSecurity::parse);
        }
    }

    /** {@code --format rtl-wmbus|replay}. */
    public static final class LineFormats extends Words<TelegramLineFormat> {
        public LineFormats() {
            super(TelegramLineFormat::parse);
        }
    }

    /** {@code --ids random|consecutive}. */
    public static final class IdSchemes extends Words<IdScheme> {
        public IdSchemes() {
            super(text -> {
                for (IdScheme s : IdScheme.values()) {
                    if (s.name().equalsIgnoreCase(text.strip())) {
                        return s;
                    }
                }
                throw new IllegalArgumentException("--ids is random or consecutive, got '" + text + "'");
            });
        }
    }

    /** A word read by the enum's parser, whose refusal becomes picocli's conversion error with the same text. */
    abstract static class Words<T> implements ITypeConverter<T> {

        private final Function<String, T> parse;

        Words(Function<String, T> parse) {
            this.parse = parse;
        }

        @Override
        public T convert(String text) {
            try {
                return parse.apply(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
