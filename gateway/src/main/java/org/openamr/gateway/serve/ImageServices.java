package org.openamr.gateway.serve;

import com.digitalpetri.modbus.ExceptionCode;
import com.digitalpetri.modbus.FunctionCode;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.exceptions.UnknownUnitIdException;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersResponse;
import com.digitalpetri.modbus.pdu.ReadInputRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadInputRegistersResponse;
import com.digitalpetri.modbus.server.ModbusRequestContext;
import com.digitalpetri.modbus.server.ModbusServices;
import java.time.Clock;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.openamr.gateway.image.RegisterImage;
import org.openamr.gateway.layout.Layout;

/**
 * Answers 03 and 04 from the current register image, never touching the bus: registers outside
 * the image get exception 02 (illegal data address), a count outside 1–125 exception 03 (illegal
 * data value); every other function keeps digitalpetri's answer, exception 01 (illegal function).
 */
public final class ImageServices implements ModbusServices {

    private final Supplier<RegisterImage> image;
    private final Clock clock;
    private final OptionalInt unitId;

    /** @param unitId the only unit id answered (an RTU slave's address); empty answers every one (TCP) */
    public ImageServices(Supplier<RegisterImage> image, Clock clock, OptionalInt unitId) {
        this.image = image;
        this.clock = clock;
        this.unitId = unitId;
    }

    @Override
    public ReadHoldingRegistersResponse readHoldingRegisters(ModbusRequestContext context, int unit,
            ReadHoldingRegistersRequest request) throws ModbusResponseException, UnknownUnitIdException {
        return new ReadHoldingRegistersResponse(
                read(unit, FunctionCode.READ_HOLDING_REGISTERS, request.address(), request.quantity()));
    }

    @Override
    public ReadInputRegistersResponse readInputRegisters(ModbusRequestContext context, int unit,
            ReadInputRegistersRequest request) throws ModbusResponseException, UnknownUnitIdException {
        return new ReadInputRegistersResponse(
                read(unit, FunctionCode.READ_INPUT_REGISTERS, request.address(), request.quantity()));
    }

    private byte[] read(int unit, FunctionCode function, int address, int quantity)
            throws ModbusResponseException, UnknownUnitIdException {
        if (unitId.isPresent() && unit != unitId.getAsInt()) {
            throw new UnknownUnitIdException(unit); // another slave's request on a shared line: no answer
        }
        if (quantity < 1 || quantity > Layout.MAX_READ) {
            throw new ModbusResponseException(function, ExceptionCode.ILLEGAL_DATA_VALUE);
        }
        RegisterImage now = image.get();
        if (!now.serves(address, quantity)) {
            throw new ModbusResponseException(function, ExceptionCode.ILLEGAL_DATA_ADDRESS);
        }
        return now.read(address, quantity, clock.instant().getEpochSecond());
    }
}
