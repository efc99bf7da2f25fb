package org.openamr.modbus.map;

/** Two map files of one directory carry the same map name: neither may silently win. */
public final class DuplicateMapException extends RuntimeException {

    public DuplicateMapException(String name, String firstSource, String secondSource) {
        super("register map '" + name + "' is defined twice: in " + firstSource + " and in " + secondSource);
    }
}
