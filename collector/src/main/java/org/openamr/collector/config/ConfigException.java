package org.openamr.collector.config;

import java.util.List;
import java.util.stream.Collectors;

/** A configuration that cannot run, with every mistake found. */
public final class ConfigException extends Exception {

    private final List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(p -> p.message(false)).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
