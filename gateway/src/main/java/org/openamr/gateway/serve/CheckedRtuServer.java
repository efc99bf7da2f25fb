package org.openamr.gateway.serve;

import com.digitalpetri.modbus.Crc16;
import com.digitalpetri.modbus.ModbusRtuFrame;
import com.digitalpetri.modbus.pdu.ModbusRequestPdu;
import com.digitalpetri.modbus.server.ModbusRequestContext.ModbusRtuRequestContext;
import com.digitalpetri.modbus.server.ModbusRtuServer;
import com.digitalpetri.modbus.server.ModbusRtuServerTransport;
import com.digitalpetri.modbus.server.ModbusServerConfig;
import com.digitalpetri.modbus.server.ModbusServices;
import java.nio.ByteBuffer;

/**
 * digitalpetri's RTU server with the CRC of its exception responses put right. Its 2.1 line computes
 * that CRC over the unit id alone (the PDU buffer is read before it is flipped), so a master sees a
 * damaged frame instead of exception 02, as j2mod showed on a pseudo-terminal; normal responses are
 * correct and pass unchanged.
 */
final class CheckedRtuServer extends ModbusRtuServer {

    CheckedRtuServer(ModbusRtuServerTransport transport, ModbusServices services) {
        super(new ModbusServerConfig.Builder().build(), transport, services);
    }

    @Override
    protected ModbusRtuFrame handleModbusRtuFrame(ModbusRtuRequestContext context, int unitId, int fcb,
            ModbusRequestPdu requestPdu) throws Exception {
        ModbusRtuFrame frame = super.handleModbusRtuFrame(context, unitId, fcb, requestPdu);
        ByteBuffer pdu = frame.pdu();
        if ((pdu.get(pdu.position()) & 0x80) == 0) {
            return frame;
        }
        Crc16 crc16 = new Crc16();
        crc16.update(unitId);
        crc16.update(pdu.duplicate());
        ByteBuffer crc = ByteBuffer.allocate(2);
        crc.put((byte) crc16.getValue()).put((byte) (crc16.getValue() >> 8)).flip();
        return new ModbusRtuFrame(unitId, pdu, crc);
    }
}
