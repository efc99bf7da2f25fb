package org.openamr.cli.modbus;

import picocli.CommandLine.Command;

/** {@code openamr modbus}: the Modbus master's commands. */
@Command(name = "modbus", mixinStandardHelpOptions = true,
        description = {"Modbus RTU and TCP: find the units on a channel, read a meter through a register map.",
                "Modbus RTU и TCP: поиск устройств на канале, чтение счётчика по карте регистров."},
        subcommands = {ModbusScanCommand.class, ModbusReadCommand.class})
public final class ModbusCommand {
}
